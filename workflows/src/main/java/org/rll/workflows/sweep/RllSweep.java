package org.rll.workflows.sweep;

import io.temporal.common.converter.RawValue;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A sweep: one child {@code RllPipeline} per setting and seed, at most {@code maxParallel} at once,
 * each under the run id {@code <sweep>-<hash of its overrides>-s<seed>}. Its workflow type is
 * {@code RllSweep}; its workflow id is the sweep's id.
 */
@WorkflowInterface
public interface RllSweep {

  /**
   * Runs (or resumes) the sweep a {@link SweepSpec} describes, as a raw JSON payload: every run is
   * checked before the first starts, runs that succeeded before are not run again, and unfinished
   * ones continue from their checkpoints.
   */
  @WorkflowMethod
  SweepResult run(RawValue sweep);

  /** The runs by state, and the best result so far. */
  @QueryMethod
  SweepProgress progress();

  /**
   * Starts no more runs and asks the running ones to stop after their current iteration, leaving
   * checkpoints; {@code rll resume} continues them.
   */
  @SignalMethod
  void cancel();
}
