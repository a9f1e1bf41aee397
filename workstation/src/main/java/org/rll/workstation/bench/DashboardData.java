package org.rll.workstation.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;

/**
 * Recorded runs for timing the dashboard: many finished runs with a short log and one evaluation
 * each, and one run with a long log. Values are plain functions of the run and iteration.
 */
final class DashboardData {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int BATCH = 10_000;

  private final ResultsRepository results;

  DashboardData(ResultsRepository results) {
    this.results = results;
  }

  /** {@code runs} finished runs of {@code logRows} log rows, recall and MAP@R at the end. */
  void finishedRuns(int runs, int logRows) {
    for (int r = 0; r < runs; r++) {
      String runId = "run-" + r;
      record(runId, START.plusSeconds(r), logRows);
      results.upsertMetrics(
          List.of(
              new MetricRow(runId, logRows, "H", "recall", 1, 0.5 + r % 40 / 100.0),
              new MetricRow(runId, logRows, "H", "map_at_r", 0, 0.2 + r % 30 / 100.0)));
    }
  }

  /** One run, {@code runId}, with a log of {@code logRows} rows. */
  void longRun(String runId, int logRows) {
    record(runId, START.minusSeconds(1), logRows);
  }

  private void record(String runId, Instant created, int logRows) {
    results.upsertRun(
        new RunRow(
            runId,
            runId,
            "fashion-mnist",
            "{\"model\": {\"backbone\": \"small-conv\"}, \"training\": {\"iterations\": "
                + logRows
                + "}}",
            "hash",
            RunStatus.SUCCEEDED,
            created,
            created.plusSeconds(60)));
    List<TrainingLogRow> rows = new ArrayList<>(Math.min(logRows, BATCH));
    for (int i = 0; i < logRows; i++) {
      rows.add(new TrainingLogRow(runId, i, 1.0 / (1 + i), 100 + i % 7, 900 + i % 11, 0.01, 2000));
      if (rows.size() == BATCH) {
        results.appendTrainingLog(rows);
        rows.clear();
      }
    }
    results.appendTrainingLog(rows);
  }
}
