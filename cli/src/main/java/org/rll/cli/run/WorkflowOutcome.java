package org.rll.cli.run;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.failure.TerminatedFailure;
import java.util.List;
import java.util.Optional;
import org.rll.worker.TemporalConnection;

/**
 * How the latest execution of a workflow stands in Temporal: its status and, when it failed or was
 * terminated, why, read from the history event that closed it.
 *
 * @param status the execution's status without Temporal's prefix: RUNNING, COMPLETED, FAILED,
 *     CANCELED, TERMINATED, TIMED_OUT, ...
 * @param failure the failure chain, outermost first, as a client awaiting the result would see it
 *     (a termination's reason as a {@code TerminatedFailure}); empty for other statuses
 */
public record WorkflowOutcome(String workflowId, String status, List<FailureLevel> failure) {
  private static final String STATUS_PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  public WorkflowOutcome {
    failure = List.copyOf(failure);
  }

  /** The outcome of {@code workflowId}'s latest execution, if Temporal knows the workflow. */
  public static Optional<WorkflowOutcome> find(TemporalConnection temporal, String workflowId) {
    return temporal
        .describe(workflowId)
        .map(
            info ->
                new WorkflowOutcome(
                    workflowId,
                    info.getStatus().name().substring(STATUS_PREFIX.length()),
                    failure(temporal, info)));
  }

  /** Whether the execution still runs. */
  public boolean running() {
    return "RUNNING".equals(status);
  }

  private static List<FailureLevel> failure(
      TemporalConnection temporal, WorkflowExecutionInfo info) {
    if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return List.of();
    }
    return temporal
        .closeEvent(info.getExecution())
        .flatMap(event -> cause(temporal, event))
        .map(FailureLevel::chain)
        .orElse(List.of());
  }

  private static Optional<Throwable> cause(TemporalConnection temporal, HistoryEvent event) {
    if (event.hasWorkflowExecutionFailedEventAttributes()) {
      return Optional.of(
          temporal
              .client()
              .getOptions()
              .getDataConverter()
              .failureToException(event.getWorkflowExecutionFailedEventAttributes().getFailure()));
    }
    if (event.hasWorkflowExecutionTerminatedEventAttributes()) {
      return Optional.of(
          new TerminatedFailure(
              event.getWorkflowExecutionTerminatedEventAttributes().getReason(), null));
    }
    return Optional.empty();
  }
}
