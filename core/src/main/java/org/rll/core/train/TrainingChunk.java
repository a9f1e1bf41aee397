package org.rll.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.BooleanSupplier;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.ImageBatch;

/**
 * Runs a range of training iterations: each batch from the loader through the trainer, a checkpoint
 * every {@code checkpointEvery} iterations and at the end, and a clean stop between iterations when
 * asked (leaving a checkpoint).
 */
public final class TrainingChunk {
  private final EmbeddingTrainer trainer;
  private final CheckpointStore checkpoints;
  private final TrainingIdentity identity;
  private final int checkpointEvery;
  private final TrainingListener listener;

  public TrainingChunk(
      EmbeddingTrainer trainer,
      CheckpointStore checkpoints,
      TrainingIdentity identity,
      int checkpointEvery,
      TrainingListener listener) {
    ValidationException.check(
        checkpointEvery >= 1, "checkpoint interval must be >= 1, got %d", checkpointEvery);
    this.trainer = trainer;
    this.checkpoints = checkpoints;
    this.identity = identity;
    this.checkpointEvery = checkpointEvery;
    this.listener = listener;
  }

  /**
   * Trains on every batch {@code loader} yields.
   *
   * @param labels the class of each image index the batches refer to
   * @param stopRequested polled between iterations
   */
  public ChunkResult run(
      BatchLoader loader, int[] labels, NDManager manager, BooleanSupplier stopRequested) {
    CheckpointMeta last = null;
    boolean stopped = false;
    long start = System.nanoTime();
    while (loader.hasNext()) {
      ImageBatch batch = loader.next();
      ValidationException.check(
          batch.iteration() == trainer.optimizer().steps(),
          "batch of iteration %d does not follow the trainer's %d completed iterations",
          batch.iteration(),
          trainer.optimizer().steps());
      StepLog log;
      try (NDManager scope = manager.newSubManager()) {
        NDArray images = batch.toNDArray(scope);
        log = trainer.step(images, labelsOf(batch.indices(), labels));
      }
      long now = System.nanoTime();
      listener.onStep(log, batch.size() / ((now - start) / 1e9));
      start = now;
      long done = log.iteration() + 1;
      stopped = stopRequested.getAsBoolean();
      if (done % checkpointEvery == 0 || !loader.hasNext() || stopped) {
        last = checkpoint(done);
      }
      if (stopped) {
        break;
      }
    }
    long done = trainer.optimizer().steps();
    if (last == null || last.iteration() != done) {
      last = checkpoint(done);
    }
    return new ChunkResult(done, last, stopped);
  }

  private CheckpointMeta checkpoint(long done) {
    CheckpointMeta meta =
        checkpoints.save(done, trainer.parameters(), trainer.optimizer(), identity);
    listener.onCheckpoint(meta);
    return meta;
  }

  private static int[] labelsOf(int[] indices, int[] labels) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = labels[indices[i]];
    }
    return out;
  }
}
