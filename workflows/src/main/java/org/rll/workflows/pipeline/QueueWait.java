package org.rll.workflows.pipeline;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.stages.TrainingActivities;

/**
 * An activity of a run that Temporal has scheduled and no worker has taken: the task queue it waits
 * on and since when. A training chunk waits on {@code rll-gpu}, every other stage on {@code
 * rll-cpu}. A wait past {@link #NOTICE_AFTER} means no worker polls that queue, or all that do are
 * busy, and the run's status says so instead of staying silent.
 *
 * @param taskQueue the queue the activity waits on
 * @param activityType the activity's Temporal type, such as {@code TrainChunk}
 * @param since when Temporal scheduled it
 */
public record QueueWait(String taskQueue, String activityType, Instant since) {
  /** How long an activity waits for a worker before the run's status reports it. */
  public static final Duration NOTICE_AFTER = Duration.ofMinutes(5);

  /** The longest wait among {@code pending} activities that no worker has started. */
  public static Optional<QueueWait> longest(List<PendingActivityInfo> pending) {
    return pending.stream()
        .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED)
        .filter(PendingActivityInfo::hasScheduledTime)
        .map(QueueWait::of)
        .min(Comparator.comparing(QueueWait::since));
  }

  /**
   * The longest wait of the latest execution of {@code workflowId}, as Temporal describes it; empty
   * too when Temporal does not answer, since the wait is a note beside the run's progress.
   */
  public static Optional<QueueWait> longest(WorkflowClient client, String workflowId) {
    try {
      return longest(PipelineStubs.describe(client, workflowId).getPendingActivitiesList());
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  private static QueueWait of(PendingActivityInfo activity) {
    String type = activity.getActivityType().getName();
    String queue = TrainingActivities.TRAIN_CHUNK.equals(type) ? TaskQueues.GPU : TaskQueues.CPU;
    return new QueueWait(
        queue,
        type,
        Instant.ofEpochSecond(
            activity.getScheduledTime().getSeconds(), activity.getScheduledTime().getNanos()));
  }

  /** Whether the wait has lasted {@link #NOTICE_AFTER} or longer at {@code now}. */
  public boolean overdue(Instant now) {
    return waited(now).compareTo(NOTICE_AFTER) >= 0;
  }

  /** {@link #describe}, once the wait is {@link #overdue} at {@code now}; else empty. */
  public Optional<String> notice(Instant now) {
    return overdue(now) ? Optional.of(describe(now)) : Optional.empty();
  }

  /** How long the activity has waited at {@code now}. */
  public Duration waited(Instant now) {
    return Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
  }

  /**
   * {@code waiting for a worker on rll-gpu for 7 min (TrainChunk: no worker polls rll-gpu, or all
   * are busy)}.
   */
  public String describe(Instant now) {
    long minutes = waited(now).toMinutes();
    String length = minutes < 120 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    return "waiting for a worker on "
        + taskQueue
        + " for "
        + length
        + " ("
        + activityType
        + ": no worker polls "
        + taskQueue
        + ", or all are busy)";
  }
}
