package org.rll.core.train;

import java.util.List;
import org.rll.core.checkpoint.CheckpointMeta;

/** Hears about a training chunk's progress: the log of every iteration and every checkpoint. */
public interface TrainingListener {
  /** After each iteration, with the images per second of that iteration (data wait included). */
  void onStep(StepLog log, double imagesPerSecond);

  /** After a checkpoint is complete. */
  default void onCheckpoint(CheckpointMeta meta) {}

  /** A listener that passes every event to each of {@code listeners}, in order. */
  static TrainingListener all(TrainingListener... listeners) {
    List<TrainingListener> each = List.of(listeners);
    return new TrainingListener() {
      @Override
      public void onStep(StepLog log, double imagesPerSecond) {
        each.forEach(l -> l.onStep(log, imagesPerSecond));
      }

      @Override
      public void onCheckpoint(CheckpointMeta meta) {
        each.forEach(l -> l.onCheckpoint(meta));
      }
    };
  }
}
