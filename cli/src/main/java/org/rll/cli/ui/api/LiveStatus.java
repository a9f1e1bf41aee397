package org.rll.cli.ui.api;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import java.time.Instant;
import java.util.Optional;
import org.rll.db.RunRow;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.QueueWait;

/**
 * A run's status as the dashboard shows it: the recorded one, except that a run recorded as PENDING
 * or RUNNING is looked up in Temporal. There it may be running (live), have failed or been
 * cancelled without the database hearing of it, or be unknown: INTERRUPTED, a run whose workflow is
 * gone, which {@code rll resume} continues. A running run also says when a stage has waited past
 * {@link QueueWait#NOTICE_AFTER} for a worker.
 */
final class LiveStatus {
  static final String INTERRUPTED = "INTERRUPTED";

  private final TemporalConnection temporal;

  LiveStatus(TemporalConnection temporal) {
    this.temporal = temporal;
  }

  /**
   * The status to show, whether Temporal confirmed it just now, and, for a running run, its wait
   * for a worker once overdue.
   */
  record Shown(String status, boolean live, Optional<String> waiting) {
    Shown(String status, boolean live) {
      this(status, live, Optional.empty());
    }
  }

  Shown of(RunRow run) {
    if (run.status() != RunStatus.PENDING && run.status() != RunStatus.RUNNING) {
      return new Shown(run.status().name(), false);
    }
    Optional<DescribeWorkflowExecutionResponse> described;
    try {
      described = temporal.describeExecution(workflowId(run));
    } catch (RuntimeException unreachable) {
      return new Shown(run.status().name(), false);
    }
    if (described.isEmpty()) {
      return new Shown(INTERRUPTED, false);
    }
    WorkflowExecutionStatus status = described.get().getWorkflowExecutionInfo().getStatus();
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING ->
          new Shown(run.status().name(), true, waiting(described.get()));
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> new Shown(RunStatus.CANCELLED.name(), true);
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> new Shown(run.status().name(), false);
      default -> new Shown(RunStatus.FAILED.name(), true);
    };
  }

  private static Optional<String> waiting(DescribeWorkflowExecutionResponse described) {
    return QueueWait.longest(described.getPendingActivitiesList())
        .flatMap(wait -> wait.notice(Instant.now()));
  }

  private static String workflowId(RunRow run) {
    return run.workflowId() == null ? run.runId() : run.workflowId();
  }
}
