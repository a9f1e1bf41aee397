package org.rll.workstation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.db.RunRow;
import org.rll.workflows.RunStatus;
import org.rll.workstation.dev.DevPorts;

/** {@code rll status}, as text and as JSON, against a dev stack whose activities are fakes. */
class StatusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path home;

  private static FakeStack stack;

  @BeforeAll
  static void startStack() {
    stack = FakeStack.start(home, 50);
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void aRunThatFailedBeforeWritingItsRowShowsTemporalsFailureChain() throws Exception {
    Cli.Captured train = stack.rll("train", "--source", "bad:nowhere", "--run-id", "no-row");
    assertEquals(1, train.exit(), train.toString());
    assertTrue(stack.results.run("no-row").isEmpty(), "the plan failed before the row");

    Cli.Captured text = stack.rll("status", "no-row");
    assertEquals(0, text.exit(), text.toString());
    List<String> lines = text.out().lines().toList();
    assertEquals(3, lines.size(), text.out());
    assertTrue(lines.get(0).startsWith("run no-row: not in the PostgreSQL at "), text.out());
    String outer = "workflow no-row FAILED: ActivityFailure: ";
    assertTrue(lines.get(1).startsWith(outer + "Activity with activityType='Plan'"), text.out());
    assertEquals(
        "  caused by ApplicationFailure (ValidationException):"
            + " unknown dataset source scheme: bad:nowhere",
        lines.get(2));

    JsonNode json = json("no-row");
    assertEquals("no-row", json.get("run").asText());
    assertTrue(json.get("database").isNull(), json.toString());
    assertEquals(
        JSON.createObjectNode()
            .put("id", "no-row")
            .put("status", "FAILED")
            .putNull("progress")
            .putNull("waiting")
            .putNull("error")
            .set(
                "failure",
                JSON.createArrayNode()
                    .add(
                        JSON.createObjectNode()
                            .put("type", "ActivityFailure")
                            .putNull("applicationType")
                            .put("message", lines.get(1).substring(outer.length())))
                    .add(
                        JSON.createObjectNode()
                            .put("type", "ApplicationFailure")
                            .put("applicationType", "ValidationException")
                            .put("message", "unknown dataset source scheme: bad:nowhere"))),
        json.get("workflow"));
  }

  @Test
  void aRunningRunShowsItsRecordAndProgressThenWhyItEnded() throws Exception {
    Cli.Captured train =
        stack.rll(
            "train",
            "--source",
            "file:///data/fake",
            "--iterations",
            "400",
            "--run-id",
            "live",
            "--detach");
    assertEquals(0, train.exit(), train.toString());
    FakeStack.await(() -> stack.results.checkpoints("live").size() >= 3);

    JsonNode json = json("live");
    JsonNode database = json.get("database");
    assertEquals("RUNNING", database.get("status").asText());
    assertEquals("fake", database.get("dataset").asText());
    assertEquals("live", database.get("workflowId").asText());
    RunRow row = stack.results.run("live").orElseThrow();
    assertEquals(row.createdAt(), Instant.parse(database.get("created").asText()));
    long checkpoint = database.get("newestCheckpoint").get("iteration").asLong();
    assertTrue(checkpoint >= 3, json.toString());
    assertEquals(
        "runs/live/checkpoints/" + checkpoint + "/",
        database.get("newestCheckpoint").get("key").asText());
    JsonNode logged = database.get("lastLogged");
    long iteration = logged.get("iteration").asLong();
    assertTrue(iteration >= checkpoint, json.toString());
    assertEquals(1.0 / (1 + iteration), logged.get("loss").asDouble());
    assertEquals(0.01, logged.get("lr").asDouble());
    assertEquals(900, logged.get("imagesPerSecond").asDouble());
    assertTrue(database.get("metrics").isNull(), json.toString());
    JsonNode workflow = json.get("workflow");
    assertEquals("RUNNING", workflow.get("status").asText());
    assertEquals("train", workflow.get("progress").get("stage").asText());
    JsonNode waiting = workflow.get("waiting");
    assertTrue(
        waiting.isNull() || !waiting.get("overdue").asBoolean(),
        "a worker polls rll-gpu, so no chunk waits long: " + waiting);
    assertEquals(0, workflow.get("failure").size());
    assertTrue(workflow.get("error").isNull(), json.toString());

    stack.stack.temporal().client().newUntypedWorkflowStub("live").terminate("stopped by hand");
    Cli.Captured text = stack.rll("status", "live");
    assertTrue(
        text.out().endsWith("\nworkflow live TERMINATED: TerminatedFailure: stopped by hand\n"),
        text.out());
    assertEquals(
        JSON.readTree(
            """
            [{"type": "TerminatedFailure", "applicationType": null, "message": "stopped by hand"}]
            """),
        json("live").get("workflow").get("failure"));
  }

  @Test
  void aFinishedRunShowsItsLatestMetrics() throws Exception {
    Cli.Captured train =
        stack.rll(
            "train", "--source", "file:///data/fake", "--iterations", "3", "--run-id", "done");
    assertEquals(0, train.exit(), train.toString());

    JsonNode json = json("done");
    assertEquals("SUCCEEDED", json.get("database").get("status").asText());
    assertEquals(
        JSON.readTree(
            """
            {"iteration": 3, "values": [
              {"head": "H", "metric": "nmi", "k": 0, "value": 0.5},
              {"head": "H", "metric": "recall", "k": 1, "value": 0.875}]}
            """),
        json.get("database").get("metrics"));
    assertEquals("COMPLETED", json.get("workflow").get("status").asText());
    assertEquals(0, json.get("workflow").get("failure").size());
  }

  @Test
  void withoutTemporalStatusShowsWhatTheDatabaseKnows() throws Exception {
    Instant at = Instant.parse("2026-03-01T10:00:00Z");
    stack.results.upsertRun(
        new RunRow("quiet", "quiet", "cub", "{}", "h", RunStatus.FAILED, at, at));
    int closedPort = DevPorts.free().temporal();
    Cli.Captured text = withoutTemporal(closedPort, "status", "quiet");
    assertEquals(0, text.exit(), text.toString());
    assertEquals(
        """
        run quiet  FAILED  dataset cub  workflow quiet
        created 2026-03-01T10:00:00Z, updated 2026-03-01T10:00:00Z
        no checkpoint yet
        Temporal was not reachable at 127.0.0.1:%d: shown is what the results database knows
        """
            .formatted(closedPort),
        text.out());

    Cli.Captured json = withoutTemporal(closedPort, "status", "quiet", "--format", "json");
    assertEquals(0, json.exit(), json.toString());
    assertEquals(
        JSON.readTree(
            """
            {"run": "quiet",
             "database": {"status": "FAILED", "dataset": "cub", "workflowId": "quiet",
               "created": "2026-03-01T10:00:00Z", "updated": "2026-03-01T10:00:00Z",
               "newestCheckpoint": null, "lastLogged": null, "metrics": null},
             "workflow": {"id": "quiet", "status": null, "progress": null, "waiting": null,
               "failure": null,
               "error": "Temporal was not reachable at 127.0.0.1:%d"}}
            """
                .formatted(closedPort)),
        JSON.readTree(json.out()));
  }

  @Test
  void anUnknownRunIsBadInputInEitherFormat() {
    Cli.Captured status = stack.rll("status", "never-started", "--format", "json");
    assertEquals(2, status.exit(), status.toString());
    assertEquals("", status.out());
    assertTrue(
        status.err().contains("no run never-started in the results database or in Temporal"),
        status.err());
  }

  /** {@code rll args...} with the stack's database and a Temporal target nothing listens on. */
  private static Cli.Captured withoutTemporal(int closedPort, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--db-url", stack.stack.databaseUrl(), "--temporal-target", "127.0.0.1:" + closedPort));
    return Cli.rll(all.toArray(String[]::new));
  }

  private static JsonNode json(String runId) throws Exception {
    Cli.Captured status = stack.rll("status", runId, "--format", "json");
    assertEquals(0, status.exit(), status.toString());
    return JSON.readTree(status.out());
  }
}
