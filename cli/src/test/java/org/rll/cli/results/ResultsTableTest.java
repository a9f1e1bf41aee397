package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rll.db.MetricRow;
import org.rll.db.RunRow;
import org.rll.workflows.RunStatus;

class ResultsTableTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final RunRow A = new RunRow("a", null, null, "{}", "h", RunStatus.RUNNING, T, T);
  private static final RunRow B = new RunRow("b", null, "cub", "{}", "h", RunStatus.RUNNING, T, T);

  private static final List<MetricRow> METRICS =
      List.of(
          new MetricRow("a", 10, "H", "recall", 1, 0.5),
          new MetricRow("a", 20, "zeta", "recall", 2, 0.25),
          new MetricRow("a", 20, "L,M,H", "nmi", 0, 0.75),
          new MetricRow("a", 20, "L", "map_at_r", 0, 0.125),
          new MetricRow("a", 30, "H", "precision", 0, 1.0));

  @Test
  void keepsTheLatestEvaluatedCheckpointAndOrdersHeadsLikeThePaper() {
    ResultsTable table = ResultsTable.of(List.of(B, A), METRICS, false);

    assertEquals(List.of(2), table.recallKs());
    assertEquals(
        List.of(
            new ResultsRow(
                "a",
                null,
                "ranked-list",
                "L",
                20,
                new TreeMap<>(),
                OptionalDouble.empty(),
                OptionalDouble.of(0.125)),
            new ResultsRow(
                "a",
                null,
                "ranked-list",
                "L,M,H",
                20,
                new TreeMap<>(),
                OptionalDouble.of(0.75),
                OptionalDouble.empty()),
            new ResultsRow(
                "a",
                null,
                "ranked-list",
                "zeta",
                20,
                new TreeMap<>(java.util.Map.of(2, 0.25)),
                OptionalDouble.empty(),
                OptionalDouble.empty())),
        table.rows());
  }

  @Test
  void everyCheckpointOnRequestWithTheUnionOfKs() {
    ResultsTable table = ResultsTable.of(List.of(A), METRICS, true);

    assertEquals(List.of(1, 2), table.recallKs());
    assertEquals(
        List.of("a 10 H", "a 20 L", "a 20 L,M,H", "a 20 zeta"),
        table.rows().stream().map(r -> r.runId() + " " + r.iteration() + " " + r.head()).toList());
    assertEquals(
        List.of("run", "dataset", "loss", "head", "iteration", "R@1", "R@2", "NMI", "MAP@R"),
        table.header());
    assertEquals(
        List.of("a", "?", "ranked-list", "H", "10", "50.0", "?", "?", "?"),
        table.cells(table.rows().get(0), ResultsFormat::percent, "?"));
  }

  @Test
  void runsWithoutMetricsHaveNoRows() {
    assertEquals(List.of(), ResultsTable.of(List.of(B), METRICS, true).rows());
    assertEquals(List.of(), ResultsTable.of(List.of(B), METRICS, true).recallKs());
  }

  @Test
  void theLossColumnIsTheSpecsLossType() {
    RunRow triplet =
        new RunRow(
            "a", null, null, "{\"loss\": {\"type\": \"triplet\"}}", "h", RunStatus.RUNNING, T, T);
    ResultsTable table = ResultsTable.of(List.of(triplet), METRICS, false);
    assertEquals(
        List.of("triplet"), table.rows().stream().map(ResultsRow::loss).distinct().toList());
    assertEquals(
        List.of("ranked-list"),
        ResultsTable.of(List.of(A), METRICS, false).rows().stream()
            .map(ResultsRow::loss)
            .distinct()
            .toList());
  }
}
