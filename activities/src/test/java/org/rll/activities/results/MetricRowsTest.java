package org.rll.activities.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.evaluate.HeadScores;
import org.rll.db.MetricRow;
import org.rll.db.ResultsDatabaseTest;
import org.rll.db.RunRow;
import org.rll.workflows.RunStatus;

class MetricRowsTest extends ResultsDatabaseTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final List<String> HEADS = List.of("L", "M", "H", "L,M,H");

  MetricRowsTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeEach
  void run() {
    repository.upsertRun(
        new RunRow("r1", "wf-r1", "cub", "{\"seed\": 7}", "h1", RunStatus.RUNNING, T0, T0));
  }

  /** Head h scores recall 0.5 + h/8 + K/100, MAP@R 0.25 + h/16, NMI 0.125 + h/32 (+ shift). */
  private static EvaluationReport report(double shift) {
    List<HeadScores> heads =
        HEADS.stream()
            .map(
                name -> {
                  int h = HEADS.indexOf(name);
                  return new HeadScores(
                      name,
                      name.length() > 1 ? 384 : 128,
                      new TreeMap<>(
                          Map.of(
                              1, 0.5 + h / 8.0 + 0.01 + shift,
                              2, 0.5 + h / 8.0 + 0.02 + shift,
                              4, 0.5 + h / 8.0 + 0.04 + shift,
                              8, 0.5 + h / 8.0 + 0.08 + shift)),
                      0.25 + h / 16.0 + shift,
                      0.125 + h / 32.0 + shift,
                      5924,
                      5924);
                })
            .toList();
    return new EvaluationReport("sha-of-model", 5924, 100, heads);
  }

  @Test
  void oneHeadGivesRecallAtEachKThenMapAtRAndNmi() {
    List<MetricRow> rows = MetricRows.of("r1", 400, report(0));
    assertEquals(24, rows.size());
    assertEquals(
        List.of(
            new MetricRow("r1", 400, "M", "recall", 1, 0.635),
            new MetricRow("r1", 400, "M", "recall", 2, 0.645),
            new MetricRow("r1", 400, "M", "recall", 4, 0.665),
            new MetricRow("r1", 400, "M", "recall", 8, 0.705),
            new MetricRow("r1", 400, "M", "map_at_r", 0, 0.3125),
            new MetricRow("r1", 400, "M", "nmi", 0, 0.15625)),
        rows.subList(6, 12));
    assertEquals(HEADS, rows.stream().map(MetricRow::head).distinct().toList());
  }

  @Test
  void anUndefinedMapAtRHasNoRow() {
    HeadScores lone =
        new HeadScores("H", 128, new TreeMap<>(Map.of(1, 0.0)), Double.NaN, 1.0, 3, 0);
    assertEquals(
        List.of(
            new MetricRow("r1", 0, "H", "recall", 1, 0.0),
            new MetricRow("r1", 0, "H", "nmi", 0, 1.0)),
        MetricRows.of("r1", 0, new EvaluationReport("", 3, 3, List.of(lone))));
  }

  @Test
  void upsertingTwiceKeepsOneRowEachWithTheLastValues() {
    repository.upsertMetrics(MetricRows.of("r1", 400, report(0)));
    repository.upsertMetrics(MetricRows.of("r1", 400, report(0)));
    List<MetricRow> once = repository.metrics("r1");
    assertEquals(24, once.size());
    assertEquals(new HashSet<>(MetricRows.of("r1", 400, report(0))), new HashSet<>(once));

    repository.upsertMetrics(MetricRows.of("r1", 400, report(0.001)));
    List<MetricRow> updated = repository.metrics("r1");
    assertEquals(24, updated.size());
    assertEquals(new HashSet<>(MetricRows.of("r1", 400, report(0.001))), new HashSet<>(updated));
  }
}
