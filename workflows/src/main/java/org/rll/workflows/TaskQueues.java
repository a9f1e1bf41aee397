package org.rll.workflows;

/** The task queues: training chunks need a GPU worker, every other stage runs anywhere. */
public final class TaskQueues {
  /** Workflow tasks and the CPU stages. */
  public static final String CPU = "rll-cpu";

  /** Training chunks. */
  public static final String GPU = "rll-gpu";

  private TaskQueues() {}
}
