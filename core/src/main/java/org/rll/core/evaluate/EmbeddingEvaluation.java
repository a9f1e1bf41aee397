package org.rll.core.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.extract.EmbeddingIndex;
import org.rll.core.extract.StoredEmbeddings;
import org.rll.core.metrics.NormalizedMutualInformation;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.metrics.RetrievalEvaluator;
import org.rll.core.metrics.RetrievalResult;
import org.rll.core.storage.BlobStore;

/**
 * Scores every output of an extraction: Recall@K and MAP@R with each gallery image a query against
 * all the others, and NMI of k-means with k the number of gallery classes, from a fixed seed.
 *
 * <p>One output's {@code N x dim} matrix is in memory at a time; the retrieval metrics run in query
 * blocks ({@link RetrievalConfig#blockSize()}).
 */
public final class EmbeddingEvaluation {
  private final RetrievalConfig retrieval;
  private final long nmiSeed;

  /**
   * An evaluation with {@code retrieval}'s Ks and block size, such as {@code
   * RetrievalConfig.builder().optKs(ProtocolKs.forFormat("sop")).build()}, and the k-means seed.
   */
  public EmbeddingEvaluation(RetrievalConfig retrieval, long nmiSeed) {
    ValidationException.check(retrieval != null, "retrieval config must not be null");
    this.retrieval = retrieval;
    this.nmiSeed = nmiSeed;
  }

  /**
   * Scores the extraction under {@code prefix}; arrays live in a sub-manager of {@code manager}.
   */
  public EvaluationReport evaluate(BlobStore store, String prefix, NDManager manager) {
    return evaluate(StoredEmbeddings.open(store, prefix), manager);
  }

  /** Scores every output of {@code embeddings}. */
  public EvaluationReport evaluate(StoredEmbeddings embeddings, NDManager manager) {
    EmbeddingIndex index = embeddings.index();
    int[] labels = embeddings.labels();
    RetrievalEvaluator evaluator = new RetrievalEvaluator(retrieval);
    List<HeadScores> heads = new ArrayList<>();
    for (EmbeddingIndex.OutputDim output : index.outputs()) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray rows = embeddings.output(output.name(), scope);
        RetrievalResult result = evaluator.evaluate(rows, labels);
        double nmi = NormalizedMutualInformation.ofKMeans(rows, labels, nmiSeed);
        heads.add(
            new HeadScores(
                output.name(),
                output.dim(),
                result.recallAtK(),
                result.mapAtR(),
                nmi,
                result.queryCount(),
                result.mapQueryCount()));
      }
    }
    int classes = (int) Arrays.stream(labels).distinct().count();
    return new EvaluationReport(index.plan().identity(), labels.length, classes, heads);
  }
}
