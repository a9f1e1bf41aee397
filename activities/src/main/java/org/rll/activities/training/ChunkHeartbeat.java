package org.rll.activities.training;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.train.StepLog;
import org.rll.core.train.TrainingListener;

/**
 * Heartbeats a chunk's progress after every iteration (the SDK throttles what reaches the server)
 * and turns a cancellation, or any other end the SDK reports from a heartbeat, into a stop request
 * that the chunk honours after the current iteration, with a checkpoint. It also keeps the last
 * loss and the mean throughput of the chunk.
 */
final class ChunkHeartbeat implements TrainingListener {
  private final ActivityExecutionContext context;
  private final CheckpointStore checkpoints;
  private final AtomicBoolean stop = new AtomicBoolean();
  private String newestCheckpoint;
  private double lastLoss = Double.NaN;
  private double imagesPerSecondSum;
  private long steps;

  ChunkHeartbeat(ActivityExecutionContext context, CheckpointStore checkpoints, String newest) {
    this.context = context;
    this.checkpoints = checkpoints;
    this.newestCheckpoint = newest;
  }

  /**
   * What a chunk heartbeats.
   *
   * @param iteration iterations completed in the run
   * @param checkpointKey the newest checkpoint's store prefix, or null before the first
   */
  record Progress(long iteration, String checkpointKey) {}

  /** Heartbeats {@code iteration}; a reported end of the activity requests the stop. */
  void beat(long iteration) {
    if (stop.get()) {
      return;
    }
    try {
      context.heartbeat(new Progress(iteration, newestCheckpoint));
    } catch (ActivityCompletionException e) {
      stop.set(true);
    }
  }

  @Override
  public void onStep(StepLog log, double imagesPerSecond) {
    lastLoss = log.loss();
    imagesPerSecondSum += imagesPerSecond;
    steps++;
    beat(log.iteration() + 1);
  }

  @Override
  public void onCheckpoint(CheckpointMeta meta) {
    newestCheckpoint = checkpoints.location(meta.iteration());
  }

  boolean stopRequested() {
    return stop.get();
  }

  double lastLoss() {
    return lastLoss;
  }

  double meanImagesPerSecond() {
    return steps == 0 ? 0 : imagesPerSecondSum / steps;
  }
}
