package org.rll.worker.demo;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.dataset.prepare.SplitImages;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.core.storage.BlobStore;
import org.rll.core.train.EmbeddingTrainer;
import org.rll.core.train.TrainingChunk;
import org.rll.core.train.TrainingListener;

/**
 * The demo's training stages: the run's batch manifest, then training from the newest checkpoint of
 * the run (or from scratch) to the last iteration, checkpointing on the way.
 */
final class DemoTraining {
  private static final int CHECKPOINT_EVERY = 100;

  private final DemoSettings settings;
  private final BlobStore store;
  private final String run;
  private final PrintStream out;

  /** The training of the run whose artifacts live under {@code run} in {@code store}. */
  DemoTraining(DemoSettings settings, BlobStore store, String run, PrintStream out) {
    this.settings = settings;
    this.store = store;
    this.run = run;
    this.out = out;
  }

  /** The run's batches, written to the store on its first run and read back from it. */
  BatchManifest batchManifest(BatchSamplerConfig config, int[] labels) throws IOException {
    String key = run + "manifest/batches.bin";
    if (!store.exists(key)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new BatchManifestWriter(new ClassBalancedSampler(config, labels)).write(bytes);
      store.put(key, bytes.toByteArray());
    }
    out.printf(
        Locale.ROOT,
        "batch manifest: %d iterations of %d classes x %d images, %s%n",
        config.iterations(),
        config.classesPerBatch(),
        config.imagesPerClass(),
        store.describe(key));
    return BatchManifest.read(new ByteArrayInputStream(store.readAllBytes(key)));
  }

  /**
   * Restores the newest checkpoint into {@code trainer}, if any, and trains on to the last
   * iteration, telling {@code listener} of every step and checkpoint.
   */
  void train(
      EmbeddingTrainer trainer,
      TrainingIdentity identity,
      SplitImages train,
      ImageSource images,
      BatchManifest batches,
      TrainingListener listener,
      NDManager manager) {
    CheckpointStore checkpoints = checkpoints();
    int first = resume(checkpoints, trainer, identity);
    if (first >= settings.iterations()) {
      return;
    }
    long start = System.nanoTime();
    TrainingChunk chunk =
        new TrainingChunk(trainer, checkpoints, identity, CHECKPOINT_EVERY, listener);
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(train.keys())
            .setSource(images)
            .setTransform(ImageTransformConfig.grayscale28())
            .setSeed(settings.seed())
            .setBatches(batches::batch)
            .setIterations(first, settings.iterations())
            .build()) {
      chunk.run(loader, train.labels(), manager, () -> false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int iterations = settings.iterations() - first;
    out.printf(
        Locale.ROOT,
        "trained %d iterations in %.1f s, %.0f images/s%n",
        iterations,
        seconds,
        iterations * (double) settings.batchSize() / seconds);
  }

  /** The run's checkpoints. */
  CheckpointStore checkpoints() {
    return new CheckpointStore(store, run);
  }

  private int resume(
      CheckpointStore checkpoints, EmbeddingTrainer trainer, TrainingIdentity identity) {
    Optional<CheckpointMeta> newest = checkpoints.newest();
    if (newest.isEmpty()) {
      out.printf(Locale.ROOT, "training from scratch, checkpoints in %s%n", store.describe(run));
      return 0;
    }
    checkpoints.restore(newest.get(), trainer.parameters(), trainer.optimizer(), identity);
    out.printf(
        Locale.ROOT,
        "resumed from checkpoint %d of %s%n",
        newest.get().iteration(),
        store.describe(run));
    return (int) newest.get().iteration();
  }
}
