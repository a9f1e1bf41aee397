package org.rll.core.train;

import org.rll.core.checkpoint.CheckpointMeta;

/** Hears about a training chunk's progress: the log of every iteration and every checkpoint. */
public interface TrainingListener {
  /** After each iteration, with the images per second of that iteration (data wait included). */
  void onStep(StepLog log, double imagesPerSecond);

  /** After a checkpoint is complete. */
  default void onCheckpoint(CheckpointMeta meta) {}
}
