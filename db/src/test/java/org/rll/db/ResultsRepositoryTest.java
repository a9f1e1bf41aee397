package org.rll.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.RunStatus;

class ResultsRepositoryTest extends ResultsDatabaseTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
  private static final Instant T0_MICROS = Instant.parse("2026-03-01T10:00:00.123456Z");
  private static final Instant T1 = Instant.parse("2026-03-01T11:30:00Z");
  private static final String HOSTILE = "x'); DROP TABLE runs; --";

  ResultsRepositoryTest(DataSource dataSource) {
    super(dataSource);
  }

  private static RunRow run(String runId, String dataset, RunStatus status, Instant at) {
    return new RunRow(
        runId, "wf-" + runId, dataset, "{\"dataset\":\"cub\",\"seed\":7}", "h1", status, at, at);
  }

  @Test
  void readsBackExactlyWhatWasWritten() {
    repository.upsertRun(run("r1", "cub", RunStatus.RUNNING, T0));
    repository.recordCheckpoint(new CheckpointRow("r1", 200, "runs/r1/checkpoints/200", "h1", T1));
    repository.appendTrainingLog(
        List.of(
            new TrainingLogRow("r1", 1, 0.6931471805599453, 120, 5400, 1e-2, 812.5),
            new TrainingLogRow("r1", 2, Double.NaN, 0, 0, 1e-3, 0.0)));
    repository.upsertMetrics(
        List.of(
            new MetricRow("r1", 200, "L,M,H", "recall", 1, 0.625),
            new MetricRow("r1", 200, "H", "nmi", 0, 0.5867),
            new MetricRow("r1", 200, "H", "recall", 8, 0.875)));

    assertEquals(
        Optional.of(
            new RunRow(
                "r1",
                "wf-r1",
                "cub",
                "{\"seed\": 7, \"dataset\": \"cub\"}",
                "h1",
                RunStatus.RUNNING,
                T0_MICROS,
                T0_MICROS)),
        repository.run("r1"));
    assertEquals(
        List.of(new CheckpointRow("r1", 200, "runs/r1/checkpoints/200", "h1", T1)),
        repository.checkpoints("r1"));
    assertEquals(
        List.of(
            new TrainingLogRow("r1", 1, 0.6931471805599453, 120, 5400, 1e-2, 812.5),
            new TrainingLogRow("r1", 2, Double.NaN, 0, 0, 1e-3, 0.0)),
        repository.trainingLog("r1"));
    assertEquals(
        List.of(
            new MetricRow("r1", 200, "H", "nmi", 0, 0.5867),
            new MetricRow("r1", 200, "H", "recall", 8, 0.875),
            new MetricRow("r1", 200, "L,M,H", "recall", 1, 0.625)),
        repository.metrics("r1"));
    assertEquals(Optional.empty(), repository.run("r2"));
  }

  @Test
  void writingTheSameKeysAgainLeavesOneRowEachWithTheLatestValues() throws SQLException {
    for (int write = 0; write < 2; write++) {
      repository.upsertRun(run("r1", "cub", RunStatus.PENDING, T0));
      repository.recordCheckpoint(new CheckpointRow("r1", 100, "old", "h1", T0));
      repository.appendTrainingLog(List.of(new TrainingLogRow("r1", 5, 1.5, 1, 2, 0.1, 10)));
      repository.upsertMetrics(List.of(new MetricRow("r1", 100, "H", "recall", 1, 0.25)));
    }
    for (int write = 0; write < 2; write++) {
      repository.upsertRun(
          new RunRow("r1", "wf-2", "cars", "{\"a\": 1}", "h2", RunStatus.RUNNING, T1, T1));
      repository.recordCheckpoint(new CheckpointRow("r1", 100, "new", "h2", T1));
      repository.appendTrainingLog(List.of(new TrainingLogRow("r1", 5, 0.5, 3, 4, 0.01, 20)));
      repository.upsertMetrics(List.of(new MetricRow("r1", 100, "H", "recall", 1, 0.75)));
    }

    assertEquals(
        Optional.of(
            new RunRow("r1", "wf-2", "cars", "{\"a\": 1}", "h2", RunStatus.RUNNING, T0, T1)),
        repository.run("r1"),
        "the creation time stays that of the first write");
    assertEquals(
        List.of(new CheckpointRow("r1", 100, "new", "h2", T1)), repository.checkpoints("r1"));
    assertEquals(
        List.of(new TrainingLogRow("r1", 5, 0.5, 3, 4, 0.01, 20)), repository.trainingLog("r1"));
    assertEquals(
        List.of(new MetricRow("r1", 100, "H", "recall", 1, 0.75)), repository.metrics("r1"));
    for (String table : List.of("runs", "checkpoints", "training_log", "metrics")) {
      assertEquals(1, count("SELECT count(*) FROM " + table), table);
    }
  }

  @Test
  void aHostileRunIdAndDatasetRoundTripAsPlainText() throws SQLException {
    repository.upsertRun(run(HOSTILE, HOSTILE, RunStatus.PENDING, T1));
    repository.updateStatus(HOSTILE, RunStatus.FAILED, T1);
    repository.upsertMetrics(List.of(new MetricRow(HOSTILE, 0, HOSTILE, HOSTILE, 0, 1.0)));

    RunRow stored = repository.runs(Optional.of(HOSTILE)).get(0);
    assertEquals(HOSTILE, stored.runId());
    assertEquals(HOSTILE, stored.dataset());
    assertEquals(RunStatus.FAILED, stored.status());
    assertEquals(
        List.of(new MetricRow(HOSTILE, 0, HOSTILE, HOSTILE, 0, 1.0)), repository.metrics(HOSTILE));
    assertEquals(
        4,
        count(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_name IN ('runs', 'checkpoints', 'training_log', 'metrics')"));
  }

  @Test
  void runsAreFilteredByDatasetAndListedOldestFirst() {
    repository.upsertRun(run("late", "cub", RunStatus.PENDING, T1));
    repository.upsertRun(run("early", "cub", RunStatus.PENDING, T0));
    repository.upsertRun(run("other", "cars", RunStatus.PENDING, T0));

    assertEquals(
        List.of("early", "late"),
        repository.runs(Optional.of("cub")).stream().map(RunRow::runId).toList());
    assertEquals(
        List.of("early", "other", "late"),
        repository.runs(Optional.empty()).stream().map(RunRow::runId).toList());
    assertEquals(List.of(), repository.runs(Optional.of("sop")));
  }

  @Test
  void aSelectionFiltersRunsAndTheirMetricsByDatasetAndIdsInOneQueryEach() {
    repository.upsertRun(run("late", "cub", RunStatus.SUCCEEDED, T1));
    repository.upsertRun(run("early", "cub", RunStatus.SUCCEEDED, T0));
    repository.upsertRun(run("other", "cars", RunStatus.SUCCEEDED, T0));
    MetricRow late = new MetricRow("late", 400, "H", "recall", 1, 0.5);
    MetricRow early = new MetricRow("early", 200, "L", "nmi", 0, 0.25);
    MetricRow earlier = new MetricRow("early", 100, "L", "nmi", 0, 0.125);
    MetricRow other = new MetricRow("other", 100, "H", "map_at_r", 0, 0.75);
    repository.upsertMetrics(List.of(late, early, earlier, other));

    assertEquals(List.of(earlier, early, late, other), repository.metrics(RunSelection.ALL));
    assertEquals(
        List.of("early", "late"),
        repository.runs(new RunSelection(Optional.of("cub"), List.of())).stream()
            .map(RunRow::runId)
            .toList());
    assertEquals(
        List.of(earlier, early, late),
        repository.metrics(new RunSelection(Optional.of("cub"), List.of())));
    assertEquals(
        List.of("other", "late"),
        repository
            .runs(new RunSelection(Optional.empty(), List.of("late", "other", "ghost")))
            .stream()
            .map(RunRow::runId)
            .toList());
    assertEquals(
        List.of(late, other),
        repository.metrics(new RunSelection(Optional.empty(), List.of("other", "late"))));
    assertEquals(
        List.of(), repository.metrics(new RunSelection(Optional.of("cars"), List.of("late"))));
  }

  @Test
  void aSelectionBindsHostileValuesAsPlainText() {
    repository.upsertRun(run(HOSTILE, HOSTILE, RunStatus.PENDING, T1));
    repository.upsertRun(run("r1", "cub", RunStatus.PENDING, T0));
    repository.upsertMetrics(List.of(new MetricRow(HOSTILE, 0, "H", "nmi", 0, 1.0)));

    RunSelection hostile = new RunSelection(Optional.of(HOSTILE), List.of(HOSTILE, "' OR 1=1 --"));
    assertEquals(List.of(HOSTILE), repository.runs(hostile).stream().map(RunRow::runId).toList());
    assertEquals(
        List.of(new MetricRow(HOSTILE, 0, "H", "nmi", 0, 1.0)), repository.metrics(hostile));
    assertEquals(2, repository.runs(RunSelection.ALL).size());
  }

  @Test
  void aSelectionRefusesABlankRunId() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> new RunSelection(Optional.empty(), List.of(" ")));
    assertEquals("run ids to select must not be blank, got ' '", e.getMessage());
  }

  @Test
  void updateStatusKeepsTheRestAndRefusesAnUnknownRun() {
    repository.upsertRun(run("r1", "cub", RunStatus.RUNNING, T0));

    repository.updateStatus("r1", RunStatus.SUCCEEDED, T1);

    RunRow stored = repository.run("r1").orElseThrow();
    assertEquals(RunStatus.SUCCEEDED, stored.status());
    assertEquals(T0_MICROS, stored.createdAt());
    assertEquals(T1, stored.updatedAt());
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> repository.updateStatus("nope", RunStatus.FAILED, T1));
    assertEquals("no run 'nope' to set to FAILED", e.getMessage());
  }

  @Test
  void everyStatusIsOneTheCheckAllows() {
    repository.upsertRun(run("r1", "cub", RunStatus.PENDING, T0));

    for (RunStatus status : RunStatus.values()) {
      repository.updateStatus("r1", status, T1);
      assertEquals(status, repository.run("r1").orElseThrow().status());
    }
  }

  @Test
  void aStatusOutsideTheCheckIsAPermanentFailure() throws SQLException {
    SQLException violation;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO runs (run_id, spec, config_hash, status, created_at, updated_at)"
                    + " VALUES ('r1', '{}', 'h', ?, now(), now())")) {
      s.setString(1, "DONE");
      violation = assertThrows(SQLException.class, s::executeUpdate);
    }

    assertEquals("23514", violation.getSQLState());
    assertInstanceOf(ValidationException.class, SqlFailures.map("insert run r1", violation));
    assertEquals(0, count("SELECT count(*) FROM runs"));
  }

  @Test
  void aBatchWithARowOfAnUnknownRunWritesNothingAndIsPermanent() throws SQLException {
    repository.upsertRun(run("r1", "cub", RunStatus.RUNNING, T0));

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                repository.upsertMetrics(
                    List.of(
                        new MetricRow("r1", 0, "H", "nmi", 0, 0.5),
                        new MetricRow("ghost", 0, "H", "nmi", 0, 0.5))));

    assertTrue(
        e.getMessage().startsWith("upsert 2 metrics failed (SQLState 23503)"), e.getMessage());
    assertEquals(0, count("SELECT count(*) FROM metrics"));
    assertThrows(
        ValidationException.class,
        () -> repository.recordCheckpoint(new CheckpointRow("ghost", 1, "k", "h", T0)));
  }
}
