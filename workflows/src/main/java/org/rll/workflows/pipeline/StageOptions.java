package org.rll.workflows.pipeline;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.rll.workflows.TaskQueues;

/**
 * Timeouts of the stages. Temporal tries each activity once: the workflow retries transient
 * failures itself ({@link StageAttempts}) under the run's retry policy, and activities mark bad
 * input non-retryable, so it fails at once.
 */
final class StageOptions {
  private static final RetryOptions ONCE = RetryOptions.newBuilder().setMaximumAttempts(1).build();

  private StageOptions() {}

  /** The CPU stages: a download may take hours, and every stage heartbeats its progress. */
  static ActivityOptions cpu() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.CPU)
        .setStartToCloseTimeout(Duration.ofHours(12))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(ONCE)
        .build();
  }

  /**
   * A training chunk: a short heartbeat timeout, so that a dead worker's chunk moves to another
   * soon, and a long start-to-close timeout for the chunk itself. Cancellation waits for the chunk
   * to stop and leave its checkpoint.
   */
  static ActivityOptions training() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.GPU)
        .setStartToCloseTimeout(Duration.ofHours(24))
        .setHeartbeatTimeout(Duration.ofSeconds(30))
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setRetryOptions(ONCE)
        .build();
  }
}
