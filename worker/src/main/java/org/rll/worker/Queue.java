package org.rll.worker;

import org.rll.workflows.TaskQueues;

/** The task queues a worker process can poll, named as on the command line. */
public enum Queue {
  /** {@code rll-cpu}: the pipeline workflow and its CPU stages. */
  CPU(TaskQueues.CPU),
  /** {@code rll-gpu}: training chunks, one at a time per process. */
  GPU(TaskQueues.GPU);

  private final String taskQueue;

  Queue(String taskQueue) {
    this.taskQueue = taskQueue;
  }

  /** The Temporal task queue. */
  public String taskQueue() {
    return taskQueue;
  }
}
