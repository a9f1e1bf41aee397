package org.rll.worker.demo;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.IntStream;
import org.rll.core.dataset.prepare.SplitImages;
import org.rll.core.embed.Embedder;
import org.rll.core.evaluate.EmbeddingEvaluation;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.evaluate.ProtocolKs;
import org.rll.core.extract.EmbeddingExtractor;
import org.rll.core.extract.EmbeddingIndex;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.ImageBatch;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.storage.BlobStore;

/**
 * The last two stages of the pipeline on the demo's test split: the images through an {@link
 * Embedder} into stored embedding shards, then Recall@K, MAP@R and NMI of every output. A stage
 * whose embeddings are already stored under its prefix is not run again.
 */
final class TestEvaluation {
  private static final int BATCH = 500;
  private static final int SHARD = 10 * BATCH;

  private final BlobStore store;
  private final SplitImages test;
  private final ImageSource source;
  private final long seed;
  private final PrintStream out;

  TestEvaluation(
      BlobStore store, SplitImages test, ImageSource source, long seed, PrintStream out) {
    this.store = store;
    this.test = test;
    this.source = source;
    this.seed = seed;
    this.out = out;
  }

  /**
   * Extracts the test split's embeddings under {@code prefix} and scores them.
   *
   * @param identity what made the embeddings; a prefix holding another's is refused
   */
  EvaluationReport run(Embedder embedder, String prefix, String identity) {
    long start = System.nanoTime();
    EmbeddingIndex index =
        EmbeddingExtractor.builder()
            .setStore(store)
            .setImages(test.keys(), test.labels())
            .setSource(source)
            .setTransform(ImageTransformConfig.grayscale28())
            .setEmbedder(embedder)
            .setPrefix(prefix)
            .optIdentity(identity)
            .optBatchSize(BATCH)
            .optShardSize(SHARD)
            .build()
            .extract();
    double extracted = seconds(start);
    RetrievalConfig retrieval =
        RetrievalConfig.builder().optKs(ProtocolKs.forFormat("fashion-mnist")).build();
    try (NDManager manager = NDManager.newBaseManager()) {
      EvaluationReport report =
          new EmbeddingEvaluation(retrieval, seed).evaluate(store, prefix, manager);
      out.printf(
          Locale.ROOT,
          "%s: %d test images embedded in %.1f s (shards: %d, outputs: %s), scored in %.1f s%n",
          identity,
          test.size(),
          extracted,
          index.shards().size(),
          embedder.outputNames(),
          seconds(start) - extracted);
      return report;
    }
  }

  /** The first {@code count} test images, preprocessed as extraction does: the export's check. */
  ImageBatch firstImages(int count) {
    int n = Math.min(count, test.size());
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(test.keys())
            .setSource(source)
            .setTransform(ImageTransformConfig.grayscale28())
            .setSeed(seed)
            .setBatches(b -> IntStream.range(0, n).toArray())
            .setIterations(0, 1)
            .build()) {
      return loader.next();
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
