package org.rll.workstation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.db.ResultsRepository;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;
import org.rll.workstation.run.FakeStack;

/**
 * The dashboard's JSON API on the dev stack, with real PostgreSQL and Temporal: one finished run,
 * one running run (the fake training takes 100 ms an iteration), every answer checked against the
 * database.
 */
class DashboardApiTest {
  @TempDir static Path home;

  private static FakeStack fake;
  private static ResultsRepository results;
  private static DashboardHttp http;

  @BeforeAll
  static void startStackWithTwoRuns() throws Exception {
    fake = TwoRuns.start(home, 3);
    results = fake.results();
    http = new DashboardHttp(fake.stack().dashboard());
  }

  @AfterAll
  static void stopStack() {
    fake.close();
  }

  @Test
  void runsListsBothNewestFirstWithTheirStatusProgressAndScores() throws Exception {
    DashboardHttp.Answer answer = http.get("/api/runs");
    assertEquals(200, answer.status(), answer.body());
    JsonNode runs = answer.json().get("runs");
    assertEquals(List.of("live", "done"), ids(runs));

    JsonNode live = runs.get(0);
    assertEquals("RUNNING", live.get("status").asText());
    assertTrue(live.get("liveStatus").asBoolean());
    assertTrue(live.get("waiting").isNull(), "a worker polls rll-gpu: " + live);
    assertEquals(100000, live.get("iterationsTotal").asInt());
    assertTrue(live.get("bestRecallAt1").isNull());

    JsonNode done = runs.get(1);
    assertEquals("SUCCEEDED", done.get("status").asText());
    assertFalse(done.get("liveStatus").asBoolean());
    assertTrue(done.get("waiting").isNull());
    assertEquals(last(results.trainingLog("done")) + 1, done.get("iterationsDone").asLong());
    assertEquals(3, done.get("iterationsTotal").asInt());
    assertEquals(0.875, done.get("bestRecallAt1").asDouble());
    assertEquals(900.0, done.get("imagesPerSecond").asDouble());
    assertEquals("bn-inception", done.get("backbone").asText());
    assertEquals("ranked-list", done.get("loss").asText());
  }

  @Test
  void runsFilterByStatusAndRefuseAnUnknownOne() throws Exception {
    assertEquals(List.of("done"), ids(http.get("/api/runs?status=SUCCEEDED").json().get("runs")));
    assertEquals(List.of(), ids(http.get("/api/runs?dataset=cub200").json().get("runs")));
    DashboardHttp.Answer bad = http.get("/api/runs?status=DONE");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("error").asText().startsWith("status must be one of"), bad.body());
  }

  @Test
  void logSinceGivesOnlyLaterRowsInColumns() throws Exception {
    List<TrainingLogRow> rows = results.trainingLog("done");
    JsonNode all = http.get("/api/runs/done/log").json();
    assertEquals(rows.size(), all.get("iteration").size());
    assertEquals(rows.get(0).loss(), all.get("loss").get(0).asDouble());
    assertEquals(rows.get(0).minedNegatives(), all.get("minedNegatives").get(0).asLong());

    long first = rows.get(0).iteration();
    JsonNode later = http.get("/api/runs/done/log?since=" + first).json();
    assertEquals(rows.size() - 1, later.get("iteration").size());
    assertEquals(rows.get(1).iteration(), later.get("iteration").get(0).asLong());
  }

  @Test
  void runGivesSpecCheckpointsAndMetrics() throws Exception {
    JsonNode run = http.get("/api/runs/done").json();
    assertEquals("done", run.get("run").get("runId").asText());
    assertEquals("file:///data/fake", run.get("spec").get("dataset").get("source").asText());
    assertEquals(results.checkpoints("done").size(), run.get("checkpoints").size());
    assertTrue(run.get("failure").isNull());

    JsonNode metrics = http.get("/api/runs/done/metrics").json().get("metrics");
    assertEquals(results.metrics("done").size(), metrics.size());
    assertEquals("recall", metrics.get(1).get("metric").asText());
    assertEquals(0.875, metrics.get(1).get("value").asDouble());
  }

  @Test
  void unknownRunsAndPathsAre404AndReadsRefusePost() throws Exception {
    assertEquals(404, http.get("/api/runs/nope").status());
    assertEquals(404, http.get("/api/runs/done/artifacts/../../secrets").status());
    assertEquals(404, http.get("/api/elsewhere").status());
    assertEquals(405, http.post("/api/runs", http.csrfToken()).status());
    assertEquals(405, http.get("/api/runs/live/cancel").status());
  }

  @Test
  void actionsNeedTheTokenThenCancelAndResume() throws Exception {
    DashboardHttp.Answer refused = http.post("/api/runs/live/cancel", null);
    assertEquals(403, refused.status());
    assertEquals(403, http.post("/api/runs/live/cancel", "forged").status());
    assertEquals(RunStatus.RUNNING, results.run("live").orElseThrow().status());

    String token = http.csrfToken();
    DashboardHttp.Answer cancelled = http.post("/api/runs/live/cancel", token);
    assertEquals(200, cancelled.status(), cancelled.body());
    FakeStack.await(() -> results.run("live").orElseThrow().status() == RunStatus.CANCELLED);
    assertEquals(409, http.post("/api/runs/live/cancel", token).status());

    DashboardHttp.Answer resumed = http.post("/api/runs/live/resume", token);
    assertEquals(200, resumed.status(), resumed.body());
    assertEquals(
        "run live resumed as workflow live-resume-1", resumed.json().get("message").asText());
    FakeStack.await(() -> results.run("live").orElseThrow().status() == RunStatus.RUNNING);
  }

  @Test
  void noAnswerCarriesTheDatabaseUrlOrAPassword() throws Exception {
    for (String path : List.of("/api/runs", "/api/runs/done", "/api/sweeps", "/api/runs/nope")) {
      String body = http.get(path).body();
      assertFalse(body.contains("jdbc:"), path + ": " + body);
      assertFalse(body.toLowerCase().contains("password"), path + ": " + body);
    }
  }

  @Test
  void pagesAndChartLibraryAreServedFromTheJar() throws Exception {
    for (String path :
        List.of(
            "/",
            "/run?id=done",
            "/compare",
            "/sweep",
            "/static/app.js",
            "/static/vendor/uplot/uPlot.iife.min.js")) {
      assertEquals(200, http.get(path).status(), path);
    }
    assertEquals(404, http.get("/static/..%2Fsecret").status());
  }

  private static List<String> ids(JsonNode runs) {
    List<String> ids = new ArrayList<>();
    runs.forEach(run -> ids.add(run.get("runId").asText()));
    return ids;
  }

  private static long last(List<TrainingLogRow> rows) {
    return rows.get(rows.size() - 1).iteration();
  }
}
