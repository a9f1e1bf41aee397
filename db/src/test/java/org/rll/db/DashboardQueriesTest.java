package org.rll.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rll.workflows.RunStatus;

class DashboardQueriesTest extends ResultsDatabaseTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private final DashboardQueries queries;

  DashboardQueriesTest(DataSource dataSource) {
    super(dataSource);
    this.queries = new DashboardQueries(dataSource);
  }

  @BeforeEach
  void threeRuns() {
    run("a", "cub200", RunStatus.SUCCEEDED, 0);
    run("b", "sop", RunStatus.RUNNING, 10);
    run("c", "cub200", RunStatus.FAILED, 20);
    repository.appendTrainingLog(
        List.of(
            new TrainingLogRow("a", 0, 2.0, 1, 2, 0.01, 100),
            new TrainingLogRow("a", 1, 1.5, 3, 4, 0.01, 110),
            new TrainingLogRow("a", 2, Double.NaN, 5, 6, 0.001, 120)));
    repository.upsertMetrics(
        List.of(
            new MetricRow("a", 0, "H", "recall", 1, 0.5),
            new MetricRow("a", 2, "H", "recall", 1, 0.75),
            new MetricRow("a", 2, "L", "recall", 1, 0.8),
            new MetricRow("a", 2, "H", "recall", 2, 0.9),
            new MetricRow("a", 2, "H", "map_at_r", 0, 0.25)));
    repository.upsertSweep(new SweepRow("sw", "{\"base\": {}}", List.of("loss.type"), T0, T0));
    repository.upsertSweepRuns(List.of(new SweepRunRow("sw", "b", "h1", "{}", 0)));
  }

  @Test
  void summariesCarryProgressBestScoresAndSweepNewestFirst() {
    List<RunSummary> runs = queries.runs(RunFilter.ALL);
    assertEquals(List.of("c", "b", "a"), runs.stream().map(s -> s.run().runId()).toList());

    RunSummary a = runs.get(2);
    assertEquals(OptionalLong.of(2), a.lastIteration());
    assertEquals(OptionalDouble.of(120), a.imagesPerSecond());
    assertEquals(OptionalDouble.of(0.8), a.bestRecallAt1());
    assertEquals(OptionalDouble.of(0.25), a.bestMapAtR());
    assertEquals(Optional.empty(), a.sweepId());

    RunSummary b = runs.get(1);
    assertEquals(OptionalLong.empty(), b.lastIteration());
    assertEquals(OptionalDouble.empty(), b.bestRecallAt1());
    assertEquals(Optional.of("sw"), b.sweepId());
  }

  @Test
  void filtersCombine() {
    assertEquals(
        List.of("c", "a"),
        ids(new RunFilter(Optional.of("cub200"), Optional.empty(), Optional.empty())));
    assertEquals(
        List.of("a"),
        ids(
            new RunFilter(
                Optional.of("cub200"), Optional.of(RunStatus.SUCCEEDED), Optional.empty())));
    assertEquals(
        List.of("b"), ids(new RunFilter(Optional.empty(), Optional.empty(), Optional.of("sw"))));
    assertEquals(
        List.of(), ids(new RunFilter(Optional.empty(), Optional.empty(), Optional.of("none"))));
    assertEquals(List.of("cub200", "sop"), queries.datasets());
  }

  @Test
  void logAfterAnIterationComesInColumns() {
    TrainingLogColumns all = queries.trainingLogAfter("a", -1);
    assertEquals(3, all.size());
    assertEquals(1.5, all.loss(1));
    assertEquals(Double.NaN, all.loss(2));
    assertEquals(6, all.minedNegatives(2));
    assertEquals(0.001, all.lr(2));

    TrainingLogColumns later = queries.trainingLogAfter("a", 0);
    assertArrayEquals(
        new long[] {1, 2}, IntStream.range(0, later.size()).mapToLong(later::iteration).toArray());
    assertEquals(0, queries.trainingLogAfter("a", 2).size());
  }

  @Test
  void aLongLogGrowsItsColumns() {
    List<TrainingLogRow> rows =
        IntStream.range(0, 5000)
            .mapToObj(i -> new TrainingLogRow("b", i, i, i, i, 0.01, i))
            .toList();
    repository.appendTrainingLog(rows);
    TrainingLogColumns log = queries.trainingLogAfter("b", -1);
    assertEquals(5000, log.size());
    assertEquals(4999, log.iteration(4999));
    assertEquals(4999.0, log.imagesPerSecond(4999));
  }

  @Test
  void sweepsAreListedWithTheirAxesAndRunCount() {
    assertEquals(List.of(new SweepListing("sw", List.of("loss.type"), 1, T0)), queries.sweeps());
  }

  private List<String> ids(RunFilter filter) {
    return queries.runs(filter).stream().map(s -> s.run().runId()).toList();
  }

  private void run(String id, String dataset, RunStatus status, int minutes) {
    Instant created = T0.plusSeconds(60L * minutes);
    repository.upsertRun(new RunRow(id, id, dataset, "{}", "hash", status, created, created));
  }
}
