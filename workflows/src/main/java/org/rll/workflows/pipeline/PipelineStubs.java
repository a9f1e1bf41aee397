package org.rll.workflows.pipeline;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.rll.workflows.TaskQueues;

/** Client-side handles on pipeline runs. */
public final class PipelineStubs {
  private PipelineStubs() {}

  /**
   * A stub that starts, or waits for, the workflow {@code workflowId} on {@code rll-cpu}; its input
   * is a spec encoded by {@link org.rll.workflows.spec.SpecCodec#encode}.
   */
  public static RllPipeline newRun(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(
        RllPipeline.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.CPU)
            .build());
  }

  /**
   * Temporal's description of the latest execution of {@code workflowId}: its status and its
   * pending activities. An execution that continued as new is followed to the newest one.
   */
  public static DescribeWorkflowExecutionResponse describe(
      WorkflowClient client, String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }
}
