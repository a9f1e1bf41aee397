package org.rll.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rll.cli.options.TemporalOptions;
import org.rll.worker.TemporalConnection;
import org.rll.worker.TemporalUnreachableException;
import org.rll.workflows.pipeline.QueueWait;
import org.rll.workflows.pipeline.RllPipeline;

/**
 * What Temporal says of a run's workflow, as {@code rll status} shows it.
 *
 * @param target the Temporal frontend asked
 * @param reachable whether it answered
 * @param outcome the latest execution's status and failure; empty when Temporal does not know the
 *     workflow or was not reachable
 * @param progress the {@code progress} query's answer, while the workflow runs and answers
 * @param queryError why a running workflow did not answer its progress query
 * @param waiting the activity of the running workflow that waits longest for a worker, if any
 * @param readAt when Temporal was asked
 */
record WorkflowState(
    String workflowId,
    String target,
    boolean reachable,
    Optional<WorkflowOutcome> outcome,
    Optional<JsonNode> progress,
    Optional<String> queryError,
    Optional<QueueWait> waiting,
    Instant readAt) {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** Asks Temporal, waiting at most 3 s for it to answer. */
  static WorkflowState read(TemporalOptions temporal, String workflowId) {
    try (TemporalConnection connection = temporal.connect(CONNECT_TIMEOUT)) {
      Optional<WorkflowOutcome> outcome = WorkflowOutcome.find(connection, workflowId);
      Optional<JsonNode> progress = Optional.empty();
      Optional<String> queryError = Optional.empty();
      Optional<QueueWait> waiting = Optional.empty();
      if (outcome.map(WorkflowOutcome::running).orElse(false)) {
        try {
          progress = Optional.of(progress(connection, workflowId));
        } catch (WorkflowException e) {
          queryError = Optional.of(e.getMessage());
        }
        waiting = QueueWait.longest(connection.client(), workflowId);
      }
      return new WorkflowState(
          workflowId,
          temporal.target(),
          true,
          outcome,
          progress,
          queryError,
          waiting,
          Instant.now());
    } catch (TemporalUnreachableException e) {
      return new WorkflowState(
          workflowId,
          temporal.target(),
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Instant.now());
    }
  }

  /** Why the outcome or the progress is missing, if one is. */
  Optional<String> problem() {
    if (!reachable) {
      return Optional.of("Temporal was not reachable at " + target);
    }
    if (outcome.isEmpty()) {
      return Optional.of("workflow " + workflowId + " is not known to Temporal at " + target);
    }
    return queryError.map(
        e -> "workflow " + workflowId + " did not answer its progress query: " + e);
  }

  /** The progress query's answer as JSON, whatever fields this version of {@code Progress} has. */
  private static JsonNode progress(TemporalConnection connection, String workflowId) {
    return WorkflowStub.fromTyped(
            connection.client().newWorkflowStub(RllPipeline.class, workflowId))
        .query("progress", JsonNode.class);
  }
}
