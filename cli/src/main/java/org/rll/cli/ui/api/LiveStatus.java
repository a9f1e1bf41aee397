package org.rll.cli.ui.api;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.Optional;
import org.rll.db.RunRow;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.RunStatus;

/**
 * A run's status as the dashboard shows it: the recorded one, except that a run recorded as PENDING
 * or RUNNING is looked up in Temporal. There it may be running (live), have failed or been
 * cancelled without the database hearing of it, or be unknown: INTERRUPTED, a run whose workflow is
 * gone, which {@code rll resume} continues.
 */
final class LiveStatus {
  static final String INTERRUPTED = "INTERRUPTED";

  private final TemporalConnection temporal;

  LiveStatus(TemporalConnection temporal) {
    this.temporal = temporal;
  }

  /** The status to show, and whether Temporal confirmed it just now. */
  record Shown(String status, boolean live) {}

  Shown of(RunRow run) {
    if (run.status() != RunStatus.PENDING && run.status() != RunStatus.RUNNING) {
      return new Shown(run.status().name(), false);
    }
    Optional<WorkflowExecutionInfo> info;
    try {
      info = temporal.describe(run.workflowId() == null ? run.runId() : run.workflowId());
    } catch (RuntimeException unreachable) {
      return new Shown(run.status().name(), false);
    }
    if (info.isEmpty()) {
      return new Shown(INTERRUPTED, false);
    }
    WorkflowExecutionStatus status = info.get().getStatus();
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_RUNNING -> new Shown(run.status().name(), true);
      case WORKFLOW_EXECUTION_STATUS_CANCELED -> new Shown(RunStatus.CANCELLED.name(), true);
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> new Shown(run.status().name(), false);
      default -> new Shown(RunStatus.FAILED.name(), true);
    };
  }
}
