package org.rll.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.rll.db.RunRow;
import org.rll.workflows.pipeline.QueueWait;

/**
 * {@code rll status} as one JSON object: {@code run}; {@code database}, null without a row, with
 * {@code status}, {@code dataset}, {@code workflowId}, {@code created}, {@code updated}, {@code
 * newestCheckpoint} ({@code iteration}, {@code key}), {@code lastLogged} ({@code iteration}, {@code
 * loss}, {@code lr}, {@code imagesPerSecond}) and {@code metrics} ({@code iteration}, {@code
 * values} of {@code head}, {@code metric}, {@code k}, {@code value} as stored fractions); and
 * {@code workflow} with {@code id}, {@code status} (Temporal's, null when it does not know the
 * workflow or was not reachable), {@code progress} (the progress query's answer while it runs),
 * {@code waiting} (the activity waiting longest for a worker: {@code taskQueue}, {@code activity},
 * {@code since}, {@code seconds}, and {@code overdue} once past five minutes), {@code failure} (the
 * chain, outermost first: {@code type}, {@code applicationType}, {@code message}) and {@code error}
 * (why a part is missing). What is not known is null.
 */
final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  static String write(StatusReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("run", report.runId());
    root.set("database", report.record().map(StatusJson::record).orElse(null));
    root.set("workflow", workflow(report.workflow()));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the status of run " + report.runId(), e);
    }
  }

  private static JsonNode record(RunRecord record) {
    RunRow run = record.run();
    ObjectNode json = JSON.createObjectNode();
    json.put("status", run.status().name());
    json.put("dataset", run.dataset());
    json.put("workflowId", run.workflowId());
    json.put("created", run.createdAt().toString());
    json.put("updated", run.updatedAt().toString());
    json.set(
        "newestCheckpoint",
        record
            .newestCheckpoint()
            .map(
                c ->
                    JSON.createObjectNode().put("iteration", c.iteration()).put("key", c.blobKey()))
            .orElse(null));
    json.set(
        "lastLogged",
        record
            .lastLogged()
            .map(
                l ->
                    JSON.createObjectNode()
                        .put("iteration", l.iteration())
                        .put("loss", l.loss())
                        .put("lr", l.lr())
                        .put("imagesPerSecond", l.imagesPerSecond()))
            .orElse(null));
    json.set("metrics", record.metricsIteration().map(i -> metrics(record, i)).orElse(null));
    return json;
  }

  private static JsonNode metrics(RunRecord record, long iteration) {
    ObjectNode json = JSON.createObjectNode().put("iteration", iteration);
    ArrayNode values = json.putArray("values");
    record
        .latestMetrics()
        .forEach(
            m ->
                values
                    .addObject()
                    .put("head", m.head())
                    .put("metric", m.metric())
                    .put("k", m.k())
                    .put("value", m.value()));
    return json;
  }

  private static JsonNode waiting(QueueWait wait, Instant now) {
    return JSON.createObjectNode()
        .put("taskQueue", wait.taskQueue())
        .put("activity", wait.activityType())
        .put("since", wait.since().toString())
        .put("seconds", wait.waited(now).toSeconds())
        .put("overdue", wait.overdue(now));
  }

  private static JsonNode workflow(WorkflowState state) {
    ObjectNode json = JSON.createObjectNode().put("id", state.workflowId());
    json.put("status", state.outcome().map(WorkflowOutcome::status).orElse(null));
    json.set("progress", state.progress().orElse(null));
    json.set("waiting", state.waiting().map(w -> waiting(w, state.readAt())).orElse(null));
    if (state.outcome().isPresent()) {
      ArrayNode failure = json.putArray("failure");
      for (FailureLevel level : state.outcome().get().failure()) {
        failure
            .addObject()
            .put("type", level.type())
            .put("applicationType", level.applicationType())
            .put("message", level.message());
      }
    } else {
      json.putNull("failure");
    }
    json.put("error", state.problem().orElse(null));
    return json;
  }
}
