package org.rll.workflows.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Training, on {@code rll-gpu}. */
@ActivityInterface
public interface TrainingActivities {
  /** The activity type of {@link #trainChunk}, as Temporal names it. */
  String TRAIN_CHUNK = "TrainChunk";

  /**
   * Trains from the run's newest complete checkpoint in the store to the request's target,
   * checkpointing on the way, and heartbeats the iteration and the newest checkpoint. Cancelled, it
   * stops after the current iteration and leaves a checkpoint. Retried after a crash, it starts
   * again from the newest checkpoint, so at most one checkpoint interval is repeated.
   */
  @ActivityMethod(name = TRAIN_CHUNK)
  ChunkOutcome trainChunk(ChunkRequest request);
}
