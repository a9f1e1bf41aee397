package org.rll.cli.results;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rll.cli.Cli;
import org.rll.db.MetricRow;
import org.rll.db.ResultsDatabase;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;

/**
 * A real PostgreSQL server for one test class, holding three runs: {@code r1} (cub) evaluated at
 * iterations 100 and 200 with a training log of 10 iterations, one of them with a NaN loss; {@code
 * r2} (cars) evaluated at 300 and 600 without MAP@R and without a training log; {@code r3} (cub)
 * neither evaluated nor logged. Every evaluation covers heads L, M, H and L,M,H at K = 1, 2, 4, 8.
 * Register it as a static extension: the server lives as long as the test class. {@link #sweep()}
 * holds a sweep instead.
 */
final class ResultsFixture implements BeforeAllCallback, AfterAllCallback {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Consumer<ResultsRepository> rows;
  private EmbeddedPostgres server;

  /** The three runs above. */
  ResultsFixture() {
    this(ResultsFixture::insertRuns);
  }

  private ResultsFixture(Consumer<ResultsRepository> rows) {
    this.rows = rows;
  }

  /** The sweep of {@link SweepRows} and its child runs, instead of the three runs. */
  static ResultsFixture sweep() {
    return new ResultsFixture(SweepRows::insert);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server = EmbeddedPostgres.start();
    ResultsDatabase.migrate(server.getPostgresDatabase());
    rows.accept(new ResultsRepository(server.getPostgresDatabase()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    server.close();
  }

  /** The server's JDBC URL, user included. */
  String url() {
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** Runs {@code rll args... --db-url <this server>}. */
  Cli.Captured rll(String... args) {
    return rll(System.getenv(), args);
  }

  /** Runs {@code rll args... --db-url <this server>} with the defaults of {@code environment}. */
  Cli.Captured rll(Map<String, String> environment, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db-url", url()));
    return Cli.rll(environment, all.toArray(String[]::new));
  }

  private static void insertRuns(ResultsRepository repository) {
    repository.upsertRun(run("r1", "cub", 0));
    repository.upsertRun(run("r2", "cars", 1));
    repository.upsertRun(run("r3", "cub", 2));
    List<MetricRow> metrics = new ArrayList<>();
    metrics.addAll(head("r1", 100, "L", .3125, .4375, .5625, .6875, .4375, .125));
    metrics.addAll(head("r1", 100, "M", .375, .5, .625, .75, .5, .1875));
    metrics.addAll(head("r1", 100, "H", .4375, .5625, .6875, .8125, .5625, .25));
    metrics.addAll(head("r1", 100, "L,M,H", .5, .625, .75, .875, .625, .3125));
    metrics.addAll(head("r1", 200, "L", .5011, .6303, .7412, .8336, .5872, .2001));
    metrics.addAll(head("r1", 200, "M", .5423, .6677, .7796, .8624, .6016, .2243));
    metrics.addAll(head("r1", 200, "H", .5804, .7052, .8066, .8851, .6230, .2517));
    metrics.addAll(head("r1", 200, "L,M,H", .6172, .7289, .8233, .8964, .6487, .2779));
    metrics.add(new MetricRow("r1", 300, "H", "precision", 0, 0.5));
    metrics.addAll(head("r2", 300, "L", .6, .7, .8, .9, .5));
    metrics.addAll(head("r2", 300, "M", .61, .71, .81, .91, .51));
    metrics.addAll(head("r2", 300, "H", .62, .72, .82, .92, .52));
    metrics.addAll(head("r2", 300, "L,M,H", .63, .73, .83, .93, .53));
    metrics.addAll(head("r2", 600, "L", .7012, .7946, .8661, .9177, .5533));
    metrics.addAll(head("r2", 600, "M", .7288, .8163, .8822, .9270, .5694));
    metrics.addAll(head("r2", 600, "H", .7519, .8350, .8951, .9358, .5810));
    metrics.addAll(head("r2", 600, "L,M,H", .7744, .8527, .9076, .9431, .5962));
    repository.upsertMetrics(metrics);
    repository.appendTrainingLog(
        IntStream.range(0, 10)
            .mapToObj(
                i ->
                    new TrainingLogRow(
                        "r1",
                        i * 10L,
                        i == 5 ? Double.NaN : 1.0 / (1 + i),
                        50 - i,
                        900 - 40 * i,
                        0.01,
                        800 + i))
            .toList());
  }

  /** A succeeded run with an empty spec, created {@code hours} after the first. */
  static RunRow run(String runId, String dataset, int hours) {
    Instant at = T0.plusSeconds(3600L * hours);
    return new RunRow(runId, "wf-" + runId, dataset, "{}", "h", RunStatus.SUCCEEDED, at, at);
  }

  /** Recall@1, 2, 4, 8 and NMI, then MAP@R when given, of one head at one checkpoint. */
  static List<MetricRow> head(String runId, long iteration, String head, double... v) {
    List<MetricRow> rows = new ArrayList<>();
    int[] ks = {1, 2, 4, 8};
    for (int i = 0; i < ks.length; i++) {
      rows.add(new MetricRow(runId, iteration, head, "recall", ks[i], v[i]));
    }
    rows.add(new MetricRow(runId, iteration, head, "nmi", 0, v[4]));
    if (v.length > 5) {
      rows.add(new MetricRow(runId, iteration, head, "map_at_r", 0, v[5]));
    }
    return rows;
  }
}
