package org.rll.worker.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.IntStream;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.ImageBatch;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.metrics.NormalizedMutualInformation;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.metrics.RetrievalEvaluator;
import org.rll.core.metrics.RetrievalResult;
import org.rll.core.train.EmbeddingTrainer;

/**
 * Embeds every image of the test split in inference mode (BatchNorm on its running statistics), in
 * batches through the same loader as training, and scores the embeddings: Recall@K and MAP@R with
 * each image as a query against all others, and NMI of k-means with one cluster per class.
 */
final class TestScorer {
  private static final int BATCH = 500;

  private final SplitImages test;
  private final ImageSource source;
  private final long seed;

  TestScorer(SplitImages test, ImageSource source, long seed) {
    this.test = test;
    this.source = source;
    this.seed = seed;
  }

  /** The scores of the net {@code trainer} holds now. */
  DemoScores score(EmbeddingTrainer trainer, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray embeddings = embed(trainer, scope);
      int[] labels = test.labels();
      RetrievalResult retrieval =
          new RetrievalEvaluator(RetrievalConfig.builder().build()).evaluate(embeddings, labels);
      double nmi = NormalizedMutualInformation.ofKMeans(embeddings, labels, seed);
      return new DemoScores(retrieval.recallAtK(), retrieval.mapAtR(), nmi);
    }
  }

  private NDArray embed(EmbeddingTrainer trainer, NDManager manager) {
    int n = test.size();
    float[] values = null;
    int dim = 0;
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(test.keys())
            .setSource(source)
            .setTransform(ImageTransformConfig.grayscale28())
            .setSeed(seed)
            .setBatches(b -> IntStream.range(b * BATCH, Math.min(n, (b + 1) * BATCH)).toArray())
            .setIterations(0, (n + BATCH - 1) / BATCH)
            .build()) {
      while (loader.hasNext()) {
        ImageBatch batch = loader.next();
        try (NDManager scope = manager.newSubManager()) {
          float[] rows = trainer.embed(batch.toNDArray(scope)).get(0).toFloatArray();
          if (values == null) {
            dim = rows.length / batch.size();
            values = new float[n * dim];
          }
          System.arraycopy(rows, 0, values, batch.iteration() * BATCH * dim, rows.length);
        }
      }
    }
    return manager.create(values, new Shape(n, dim));
  }
}
