package org.rll.cli.results;

import static org.rll.cli.results.ResultsFixture.head;
import static org.rll.cli.results.ResultsFixture.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.SweepRow;
import org.rll.db.SweepRunRow;

/**
 * Sweep {@code sw}: {@code loss.type} over {@code [triplet, ranked-list]} by {@code loss.alpha}
 * over {@code [1.4, 1.2]}, seeds 0 and 1, head {@code L,M,H} only. Every child is evaluated, except
 * seed 1 of (triplet, 1.2), which has no run yet, and seed 1 of (ranked-list, 1.2), which has a run
 * but no metrics. Seed 0 of (ranked-list, 1.4) was evaluated at iterations 100 and 200. The setting
 * hashes sort in another order than the settings.
 */
final class SweepRows {

  static final String SWEEP = "sw";

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final String SPEC =
      """
      {"base": {"dataset": {"name": "cub"}}, "seeds": [0, 1],
       "axes": [{"path": "loss.type", "values": ["triplet", "ranked-list"]},
                {"path": "loss.alpha", "values": [1.4, 1.2]}]}""";

  private SweepRows() {}

  static void insert(ResultsRepository repository) {
    repository.upsertSweep(new SweepRow(SWEEP, SPEC, List.of("loss.type", "loss.alpha"), T0, T0));
    List<SweepRunRow> children = new ArrayList<>();
    for (long seed = 0; seed < 2; seed++) {
      children.add(child("d14e5f0a21", "triplet", "1.4", seed));
      children.add(child("a12b7c9e03", "triplet", "1.2", seed));
      children.add(child("c14f2e8d55", "ranked-list", "1.4", seed));
      children.add(child("b12a9d4c77", "ranked-list", "1.2", seed));
    }
    repository.upsertSweepRuns(children);
    children.stream()
        .filter(c -> !c.runId().equals("sw-a12b7c9e03-s1"))
        .forEach(c -> repository.upsertRun(run(c.runId(), "cub", 0)));
    List<MetricRow> metrics = new ArrayList<>();
    metrics.addAll(head("sw-d14e5f0a21-s0", 200, "L,M,H", .5, .625, .75, .875, .5, .25));
    metrics.addAll(head("sw-d14e5f0a21-s1", 200, "L,M,H", .625, .75, .875, 1, .625, .375));
    metrics.addAll(head("sw-a12b7c9e03-s0", 200, "L,M,H", .375, .5, .625, .75, .375, .125));
    metrics.addAll(head("sw-c14f2e8d55-s0", 100, "L,M,H", .25, .25, .25, .25, .25, .25));
    metrics.addAll(head("sw-c14f2e8d55-s0", 200, "L,M,H", .75, .875, .9375, 1, .6875, .5));
    metrics.addAll(head("sw-c14f2e8d55-s1", 200, "L,M,H", .8125, .9375, .9375, 1, .75, .5625));
    metrics.addAll(head("sw-b12a9d4c77-s0", 200, "L,M,H", .625, .75, .8125, .875, .5625, .375));
    repository.upsertMetrics(metrics);
  }

  private static SweepRunRow child(String hash, String type, String alpha, long seed) {
    String setting = "{\"loss.type\": \"" + type + "\", \"loss.alpha\": " + alpha + "}";
    return new SweepRunRow(SWEEP, SWEEP + "-" + hash + "-s" + seed, hash, setting, seed);
  }
}
