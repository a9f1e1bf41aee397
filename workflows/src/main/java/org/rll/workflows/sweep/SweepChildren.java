package org.rll.workflows.sweep;

import io.temporal.workflow.Workflow;
import org.rll.workflows.pipeline.RllPipeline;

/** What a sweep does to its child runs. */
final class SweepChildren {

  private SweepChildren() {}

  /**
   * Asks {@code child} to stop after its current iteration, as {@code rll cancel} asks a run, once
   * it has started: a signal to a child whose start is still pending would find no workflow.
   */
  static void cancel(RllPipeline child) {
    Workflow.getWorkflowExecution(child).get();
    child.cancel();
  }
}
