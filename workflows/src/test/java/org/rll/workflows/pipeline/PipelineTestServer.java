package org.rll.workflows.pipeline;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.stages.PipelineActivities;

/** Temporal's test server with a worker on {@code rll-cpu} that runs the pipeline on stand-ins. */
final class PipelineTestServer {
  private PipelineTestServer() {}

  /**
   * A test environment whose {@code rll-cpu} worker runs the pipeline workflow and {@code stages};
   * the caller adds what else it needs and starts it.
   */
  static TestWorkflowEnvironment withCpuWorker(PipelineActivities stages) {
    TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();
    Worker cpu = temporal.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RllPipelineImpl.class);
    cpu.registerActivitiesImplementations(stages);
    return temporal;
  }
}
