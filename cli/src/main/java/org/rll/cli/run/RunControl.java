package org.rll.cli.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rll.cli.spec.SpecFile;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.RunRow;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.PipelineSpec;

/**
 * Stopping and continuing a recorded run: what {@code rll cancel}, {@code rll resume} and the
 * dashboard's buttons do.
 */
public final class RunControl {
  private final TemporalConnection temporal;

  /** Control through {@code temporal}. */
  public RunControl(TemporalConnection temporal) {
    this.temporal = temporal;
  }

  /**
   * Asks the workflow {@code workflowId} of a run to stop after its current iteration.
   *
   * @return false when the workflow is not running, so there is nothing to cancel
   */
  public boolean cancel(String workflowId) {
    if (!temporal.isRunning(workflowId)) {
      return false;
    }
    temporal.client().newWorkflowStub(RllPipeline.class, workflowId).cancel();
    return true;
  }

  /**
   * Starts {@code run}'s recorded spec again as a new workflow ({@code <run>-resume-<n>}), which
   * finds every finished stage and trains on from the newest checkpoint; a run still running is
   * refused.
   *
   * @return the new workflow's id
   */
  public String resume(RunRow run) {
    String runId = run.runId();
    PipelineSpec runSpec =
        SpecFile.json(run.specJson(), "the recorded spec of run " + runId)
            .toSpec(tree -> tree.set("runId", runId));
    if (run.workflowId() != null && temporal.isRunning(run.workflowId())) {
      throw new ValidationException(
          "run "
              + runId
              + " is still running as workflow "
              + run.workflowId()
              + "; `rll cancel "
              + runId
              + "` stops it, `rll status "
              + runId
              + "` shows it");
    }
    String workflowId = nextWorkflowId(runId, run.workflowId());
    TrainCommand.start(temporal.client(), runSpec, workflowId);
    return workflowId;
  }

  /** {@code <run>-resume-<n>}, n one more than that of the previous resume, if any. */
  static String nextWorkflowId(String runId, String previous) {
    Matcher resumed =
        Pattern.compile(Pattern.quote(runId) + "-resume-(\\d+)")
            .matcher(previous == null ? "" : previous);
    int n = resumed.matches() ? Integer.parseInt(resumed.group(1)) + 1 : 1;
    return runId + "-resume-" + n;
  }
}
