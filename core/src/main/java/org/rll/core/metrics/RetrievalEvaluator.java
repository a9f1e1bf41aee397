package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.rll.core.exceptions.ValidationException;

/**
 * Recall@K and MAP@R of a set of embeddings, each one a query against all the others.
 *
 * <p>Protocol: the gallery of query i is every other embedding; neighbours are ranked by Euclidean
 * distance, equal distances by gallery index (lower first). Recall@K counts a hit when any of the K
 * nearest shares the query's label. MAP@R (Musgrave et al. 2020) with R the number of other items
 * of the query's class is {@code (1/R) sum_{i<=R} P(i) rel(i)}, averaged over the queries with R >=
 * 1.
 *
 * <p>Work runs on the embeddings' device in blocks of {@link RetrievalConfig#blockSize()} queries,
 * so memory is bounded by one {@code blockSize x N} score block and the N x N matrix is never
 * formed.
 */
public final class RetrievalEvaluator {
  /** Counts are summed in float32, which is exact for integers below 2^24. */
  private static final int MAX_EMBEDDINGS = 1 << 24;

  private final RetrievalConfig config;

  public RetrievalEvaluator(RetrievalConfig config) {
    this.config = config;
  }

  /**
   * Evaluates {@code embeddings} ({@code N x d} float32, any device) labelled by {@code labels}
   * (length N). Leaves the embeddings unchanged.
   */
  public RetrievalResult evaluate(NDArray embeddings, int[] labels) {
    validate(embeddings, labels);
    int n = labels.length;
    ClassMembers classes = new ClassMembers(labels);
    RetrievalAccumulator accumulator = new RetrievalAccumulator(config.ks());
    try (NDManager evaluationManager =
        embeddings.getManager().newSubManager(embeddings.getDevice())) {
      GalleryScorer scorer = new GalleryScorer(embeddings, evaluationManager);
      ValidationException.check(
          scorer.allFinite(), "embeddings must be finite, found NaN or infinity");
      for (int start = 0; start < n; start += config.blockSize()) {
        int end = Math.min(n, start + config.blockSize());
        try (NDManager blockManager = evaluationManager.newSubManager()) {
          new QueryBlock(scorer.scores(blockManager, start, end), classes, start)
              .accumulate(accumulator);
        }
      }
    }
    return accumulator.result();
  }

  private static void validate(NDArray embeddings, int[] labels) {
    Shape shape = embeddings.getShape();
    ValidationException.check(
        shape.dimension() == 2, "embeddings must be 2-D (N x d), got shape %s", shape);
    ValidationException.check(
        shape.get(0) > 0 && shape.get(1) > 0, "embeddings must not be empty, got shape %s", shape);
    ValidationException.check(
        shape.get(0) < MAX_EMBEDDINGS,
        "embeddings must have fewer than %d rows, got %d",
        MAX_EMBEDDINGS,
        shape.get(0));
    ValidationException.check(
        embeddings.getDataType() == DataType.FLOAT32,
        "embeddings must be float32, got %s",
        embeddings.getDataType());
    ValidationException.check(
        labels.length == shape.get(0),
        "labels length %d does not match %d embeddings",
        labels.length,
        shape.get(0));
  }
}
