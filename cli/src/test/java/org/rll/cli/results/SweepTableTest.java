package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.MetricRow;
import org.rll.db.RunRow;
import org.rll.db.SweepRow;
import org.rll.db.SweepRunRow;
import org.rll.workflows.RunStatus;

class SweepTableTest {

  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
  private static final SweepRow SWEEP =
      new SweepRow(
          "sw",
          "{\"axes\": [{\"path\": \"loss.alpha\", \"values\": [2, 1]}]}",
          List.of("loss.alpha"),
          T,
          T);

  /** Seeds 0..2 of alpha 1 (hash h1) and seeds 0..1 of alpha 2 (hash h2). */
  private static final List<SweepRunRow> CHILDREN =
      List.of(
          child("h1", 1, 0),
          child("h1", 1, 1),
          child("h1", 1, 2),
          child("h2", 2, 0),
          child("h2", 2, 1));

  private static SweepRunRow child(String hash, int alpha, long seed) {
    return new SweepRunRow("sw", runId(hash, seed), hash, "{\"loss.alpha\": " + alpha + "}", seed);
  }

  private static String runId(String hash, long seed) {
    return "sw-" + hash + "-s" + seed;
  }

  private static SweepTable table(List<MetricRow> metrics) {
    List<RunRow> runs =
        CHILDREN.stream()
            .map(c -> new RunRow(c.runId(), null, null, "{}", "h", RunStatus.SUCCEEDED, T, T))
            .toList();
    return SweepTable.of(SWEEP, CHILDREN, ResultsTable.of(runs, metrics, false));
  }

  private static MetricRow recall1(String hash, long seed, String head, double value) {
    return new MetricRow(runId(hash, seed), 100, head, "recall", 1, value);
  }

  @Test
  void summarisesEachMetricOverTheSeedsWithTheSampleStd() {
    assertEquals(new SeedSummary(3, 0.5, OptionalDouble.of(0.25)), SeedSummary.of(.25, .5, .75));
    assertEquals(new SeedSummary(2, 0.375, OptionalDouble.of(0.0)), SeedSummary.of(.375, .375));
    assertEquals(new SeedSummary(1, 0.125, OptionalDouble.empty()), SeedSummary.of(.125));
  }

  @Test
  void oneRowPerSettingAndHeadInTheSpecsOrderCountingOnlySeedsWithResults() {
    SweepTable table =
        table(
            List.of(
                recall1("h1", 0, "H", .25),
                recall1("h1", 1, "H", .5),
                recall1("h1", 2, "H", .75),
                new MetricRow(runId("h1", 2), 100, "H", "nmi", 0, .5),
                recall1("h1", 0, "L", .5),
                recall1("h2", 1, "H", .875)));

    assertEquals(List.of("R@1", "NMI", "MAP@R"), table.metricColumns());
    assertEquals(
        List.of(
            new SettingRow(
                "h2",
                List.of(JsonParser.parseString("2")),
                "H",
                1,
                Map.of("R@1", SeedSummary.of(.875))),
            new SettingRow(
                "h1",
                List.of(JsonParser.parseString("1")),
                "L",
                1,
                Map.of("R@1", SeedSummary.of(.5))),
            new SettingRow(
                "h1",
                List.of(JsonParser.parseString("1")),
                "H",
                3,
                Map.of(
                    "R@1",
                    new SeedSummary(3, 0.5, OptionalDouble.of(0.25)),
                    "NMI",
                    SeedSummary.of(.5)))),
        table.rows());
    assertEquals(
        List.of("1", "H", "3", "50.0 ± 25.0", "50.0 ± -", "-"), table.cells(table.rows().get(2)));
    assertEquals(
        List.of("1", "H", "3", "0.5", "0.25", "0.5", "", "", ""),
        table.splitCells(table.rows().get(2), ResultsFormat::plain, ""));
  }

  @Test
  void sortsByAMetricsMeanHighestFirstWithRowsLackingItLast() {
    SweepTable table =
        table(
            List.of(
                recall1("h1", 0, "H", .25),
                recall1("h2", 0, "H", .125),
                new MetricRow(runId("h2", 0), 100, "L", "nmi", 0, .5)));

    assertEquals(
        List.of("h1 H", "h2 H", "h2 L"),
        table.sortedBy("r@1").rows().stream().map(r -> r.settingHash() + " " + r.head()).toList());
    assertEquals(
        "cannot sort by 'recall': the sweep's metrics are R@1, NMI, MAP@R",
        assertThrows(ValidationException.class, () -> table.sortedBy("recall")).getMessage());
  }
}
