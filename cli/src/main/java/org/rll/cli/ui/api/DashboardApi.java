package org.rll.cli.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import org.rll.cli.results.SweepTable;
import org.rll.cli.run.FailureLevel;
import org.rll.cli.run.RunControl;
import org.rll.cli.run.WorkflowOutcome;
import org.rll.db.CheckpointRow;
import org.rll.db.DashboardQueries;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunFilter;
import org.rll.db.RunRow;
import org.rll.db.RunSummary;
import org.rll.db.SweepListing;
import org.rll.db.TrainingLogColumns;
import org.rll.workflows.RunStatus;

/** The answers of the JSON API, one method per endpoint; README's "Dashboard" lists them. */
final class DashboardApi {
  private final ObjectMapper json = new ObjectMapper();
  private final UiBackends backends;
  private final DashboardQueries queries;
  private final ResultsRepository results;
  private final RunJson runJson;
  private final Artifacts artifacts;

  DashboardApi(UiBackends backends) {
    this.backends = backends;
    this.queries = new DashboardQueries(backends.results());
    this.results = new ResultsRepository(backends.results());
    this.runJson = new RunJson(json, new LiveStatus(backends.temporal()));
    this.artifacts = new Artifacts(backends.store());
  }

  /**
   * {@code GET /api/runs?dataset=&status=&sweep=}: the runs, newest first, and the filters' values.
   */
  JsonNode runs(RunFilter filter) {
    ObjectNode node = json.createObjectNode();
    ArrayNode runs = node.putArray("runs");
    queries.runs(filter).forEach(summary -> runs.add(runJson.of(summary)));
    queries.datasets().forEach(node.putArray("datasets")::add);
    ArrayNode statuses = node.putArray("statuses");
    Arrays.stream(RunStatus.values()).map(Enum::name).forEach(statuses::add);
    statuses.add(LiveStatus.INTERRUPTED);
    ArrayNode sweeps = node.putArray("sweeps");
    queries.sweeps().forEach(sweep -> sweeps.add(sweep.sweepId()));
    return node;
  }

  /** {@code GET /api/runs/<run>}: the summary, spec, checkpoints, failure and artifacts. */
  JsonNode run(String runId) throws Exception {
    RunSummary summary = summary(runId);
    ObjectNode node = json.createObjectNode();
    node.set("run", runJson.of(summary));
    node.set("spec", withoutNulls(json.readTree(summary.run().specJson())));
    ArrayNode checkpoints = node.putArray("checkpoints");
    for (CheckpointRow checkpoint : results.checkpoints(runId)) {
      checkpoints
          .addObject()
          .put("iteration", checkpoint.iteration())
          .put("key", checkpoint.blobKey())
          .put("createdAt", checkpoint.createdAt().toString());
    }
    node.put("failure", failure(summary.run()).orElse(null));
    node.set("artifacts", artifacts.list(json, runId));
    return node;
  }

  /** {@code GET /api/runs/<run>/log?since=<iteration>}: the log after {@code since}, in columns. */
  TrainingLogColumns log(String runId, long since) {
    if (results.run(runId).isEmpty()) {
      throw new HttpStatusException(404, "no run " + runId);
    }
    return queries.trainingLogAfter(runId, since);
  }

  /** {@code GET /api/runs/<run>/metrics}: every evaluation's metrics. */
  JsonNode metrics(String runId) {
    summary(runId);
    ObjectNode node = json.createObjectNode();
    node.put("runId", runId);
    ArrayNode metrics = node.putArray("metrics");
    for (MetricRow row : results.metrics(runId)) {
      metrics
          .addObject()
          .put("iteration", row.checkpointIteration())
          .put("head", row.head())
          .put("metric", row.metric())
          .put("k", row.k())
          .put("value", row.value());
    }
    return node;
  }

  /** {@code GET /api/sweeps}: every sweep, newest first. */
  JsonNode sweeps() {
    ObjectNode node = json.createObjectNode();
    ArrayNode sweeps = node.putArray("sweeps");
    for (SweepListing sweep : queries.sweeps()) {
      ObjectNode out = sweeps.addObject().put("sweepId", sweep.sweepId());
      sweep.axes().forEach(out.putArray("axes")::add);
      out.put("runs", sweep.runs()).put("createdAt", sweep.createdAt().toString());
    }
    return node;
  }

  /** {@code GET /api/sweeps/<sweep>}: its table, mean ± std over seeds, and its runs. */
  JsonNode sweep(String sweepId) {
    if (results.sweep(sweepId).isEmpty()) {
      throw new HttpStatusException(404, "no sweep " + sweepId);
    }
    ObjectNode node =
        SweepJson.of(json, sweepId, SweepTable.load(results, sweepId, "results database"));
    ArrayNode runs = node.putArray("runs");
    RunFilter children = new RunFilter(Optional.empty(), Optional.empty(), Optional.of(sweepId));
    queries.runs(children).forEach(summary -> runs.add(runJson.of(summary)));
    return node;
  }

  /** {@code POST /api/runs/<run>/cancel}. */
  JsonNode cancel(String runId) {
    RunRow run = summary(runId).run();
    String workflowId = run.workflowId() == null ? runId : run.workflowId();
    if (!new RunControl(backends.temporal()).cancel(workflowId)) {
      throw new HttpStatusException(409, "run " + runId + " is not running: nothing to cancel");
    }
    return message("asked run " + runId + " to stop after its current iteration");
  }

  /** {@code POST /api/runs/<run>/resume}. */
  JsonNode resume(String runId) {
    String workflowId = new RunControl(backends.temporal()).resume(summary(runId).run());
    return message("run " + runId + " resumed as workflow " + workflowId);
  }

  /** {@code GET /api/session}: the CSRF token actions need. */
  JsonNode session(CsrfToken token) {
    return json.createObjectNode().put("csrfToken", token.value());
  }

  Artifacts artifacts() {
    return artifacts;
  }

  ObjectMapper json() {
    return json;
  }

  private RunSummary summary(String runId) {
    return queries.run(runId).orElseThrow(() -> new HttpStatusException(404, "no run " + runId));
  }

  private Optional<String> failure(RunRow run) {
    if (run.status() != RunStatus.FAILED) {
      return Optional.empty();
    }
    String workflowId = run.workflowId() == null ? run.runId() : run.workflowId();
    try {
      return WorkflowOutcome.find(backends.temporal(), workflowId)
          .map(WorkflowOutcome::failure)
          .filter(chain -> !chain.isEmpty())
          .map(
              chain ->
                  String.join("\ncaused by: ", chain.stream().map(FailureLevel::message).toList()));
    } catch (RuntimeException unreachable) {
      return Optional.of("the failure is not known: Temporal did not answer (" + unreachable + ")");
    }
  }

  /** The spec as it was given: fields it left out are stored as nulls, and shown as absent. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.properties().removeIf(field -> field.getValue().isNull());
      object.forEach(DashboardApi::withoutNulls);
    } else if (node.isArray()) {
      node.forEach(DashboardApi::withoutNulls);
    }
    return node;
  }

  private ObjectNode message(String text) {
    return json.createObjectNode().put("message", text);
  }
}
