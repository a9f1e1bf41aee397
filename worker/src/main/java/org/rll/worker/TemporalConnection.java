package org.rll.worker;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.rll.core.exceptions.RllException;
import org.rll.workflows.pipeline.PipelineStubs;

/**
 * A checked connection to a Temporal frontend and a client of one namespace, using {@link
 * DataConverters#tolerant()}. Closing it closes the connection.
 */
public final class TemporalConnection implements AutoCloseable {

  private final String target;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private TemporalConnection(String target, WorkflowServiceStubs stubs, WorkflowClient client) {
    this.target = target;
    this.stubs = stubs;
    this.client = client;
  }

  /**
   * Connects to the frontend at {@code target} ({@code host:port}), waiting at most {@code timeout}
   * for it to answer a health check.
   *
   * @throws TemporalUnreachableException when it does not answer in time
   */
  public static TemporalConnection open(String target, String namespace, Duration timeout) {
    return open(target, namespace, timeout, new NoopScope());
  }

  /**
   * As {@link #open(String, String, Duration)}, the SDK reporting its metrics into {@code metrics}.
   */
  public static TemporalConnection open(
      String target, String namespace, Duration timeout, Scope metrics) {
    WorkflowServiceStubs stubs;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder()
                  .setTarget(target)
                  .setMetricsScope(metrics)
                  .build(),
              timeout);
    } catch (RuntimeException e) {
      throw new TemporalUnreachableException(target, e);
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs,
            WorkflowClientOptions.newBuilder()
                .setNamespace(namespace)
                .setDataConverter(DataConverters.tolerant())
                .build());
    return new TemporalConnection(target, stubs, client);
  }

  /** Why the frontend does not serve now, or empty when its health check passes. */
  public Optional<String> problem() {
    try {
      stubs.healthCheck();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("Temporal at " + target + " does not answer: " + e.getMessage());
    }
  }

  /** The client of the namespace. */
  public WorkflowClient client() {
    return client;
  }

  /** The frontend's {@code host:port}. */
  public String target() {
    return target;
  }

  /** Whether the workflow {@code workflowId}'s latest execution is still running. */
  public boolean isRunning(String workflowId) {
    return describe(workflowId)
        .map(info -> info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
        .orElse(false);
  }

  /**
   * The latest execution of {@code workflowId}, if the server knows it: an execution that continued
   * as new is followed to the newest one.
   */
  public Optional<WorkflowExecutionInfo> describe(String workflowId) {
    return describeExecution(workflowId)
        .map(DescribeWorkflowExecutionResponse::getWorkflowExecutionInfo);
  }

  /** Temporal's whole description of {@link #describe}'s execution, pending activities included. */
  public Optional<DescribeWorkflowExecutionResponse> describeExecution(String workflowId) {
    return ask("describe workflow " + workflowId, () -> PipelineStubs.describe(client, workflowId));
  }

  /** The event that closed {@code execution}; empty while it runs or when the server lacks it. */
  public Optional<HistoryEvent> closeEvent(WorkflowExecution execution) {
    return ask(
            "read the history of workflow " + execution.getWorkflowId(),
            () ->
                stubs
                    .blockingStub()
                    .getWorkflowExecutionHistory(
                        GetWorkflowExecutionHistoryRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(execution)
                            .setHistoryEventFilterType(
                                HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
                            .build())
                    .getHistory()
                    .getEventsList())
        .flatMap(events -> events.stream().reduce((first, second) -> second));
  }

  /** What {@code call} answers; empty when the server does not know the workflow. */
  private <T> Optional<T> ask(String what, Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw new RllException(
          "cannot " + what + " at Temporal " + target + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    stubs.shutdown();
  }
}
