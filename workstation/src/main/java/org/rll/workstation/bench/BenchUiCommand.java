package org.rll.workstation.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.cli.CommandPlugin;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.DashboardQueries;
import org.rll.db.ResultsRepository;
import org.rll.db.RunFilter;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench ui}: how long the dashboard's server takes to answer the runs page's data with
 * 1,000 recorded runs and a run page's log with 100,000 rows, against the bare database query
 * behind each, on the embedded stack in a scratch home.
 */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Records --runs finished runs and one run of --log-rows log rows in the embedded stack's"
          + " PostgreSQL (a temporary home), then times the dashboard's answers: GET /api/runs and"
          + " GET /api/runs/<run>/log, each the median of --repeat requests over loopback, against"
          + " the bare database query behind it. The target is under 300 ms each."
    })
public final class BenchUiCommand implements Callable<Integer>, CommandPlugin {
  private static final String LONG_RUN = "long-run";

  @Spec CommandSpec spec;

  @Option(names = "--runs", description = "Finished runs (default: ${DEFAULT-VALUE}).")
  int runs = 1000;

  @Option(
      names = "--log-rows",
      description = "Rows of the long run's log (default: ${DEFAULT-VALUE}).")
  int logRows = 100_000;

  @Option(names = "--repeat", description = "Timed requests of each (default: ${DEFAULT-VALUE}).")
  int repeat = 10;

  @Override
  public Optional<String> parent() {
    return Optional.of("bench");
  }

  @Override
  public Integer call() throws Exception {
    ValidationException.check(
        runs >= 1 && logRows >= 1 && repeat >= 1,
        "--runs, --log-rows and --repeat must be at least 1");
    PrintWriter out = spec.commandLine().getOut();
    try (ScratchHome scratch = ScratchHome.create("rll-bench-ui");
        DevStack stack = DevStack.start(scratch.directory(), DevPorts.free())) {
      ResultsRepository results = new ResultsRepository(stack.dataSource());
      DashboardData data = new DashboardData(results);
      data.finishedRuns(runs, 20);
      data.longRun(LONG_RUN, logRows);
      DashboardQueries queries = new DashboardQueries(stack.dataSource());
      HttpClient http = HttpClient.newHttpClient();
      URI base = stack.dashboard();
      out.printf(
          Locale.ROOT,
          "%d runs of 20 log rows, one of %d rows; median of %d%n",
          runs,
          logRows,
          repeat);
      report(
          out,
          "GET /api/runs",
          median(() -> get(http, base.resolve("/api/runs"))),
          median(() -> queries.runs(RunFilter.ALL).size()));
      report(
          out,
          "GET /api/runs/" + LONG_RUN + "/log",
          median(() -> get(http, base.resolve("/api/runs/" + LONG_RUN + "/log"))),
          median(() -> queries.trainingLogAfter(LONG_RUN, -1).size()));
      report(
          out,
          "GET /api/runs/" + LONG_RUN,
          median(() -> get(http, base.resolve("/api/runs/" + LONG_RUN))),
          median(() -> queries.run(LONG_RUN).isPresent() ? 1 : 0));
      out.flush();
      return 0;
    }
  }

  private void report(PrintWriter out, String what, double server, double query) {
    out.printf(
        Locale.ROOT,
        "%-32s server %7.1f ms   query alone %7.1f ms   ratio %5.2fx   %s%n",
        what,
        server,
        query,
        server / query,
        server < 300 ? "under 300 ms" : "OVER 300 ms");
  }

  /** Something timed; it returns a value so that the work cannot be skipped. */
  @FunctionalInterface
  private interface Work {
    long run() throws Exception;
  }

  private double median(Work work) throws Exception {
    work.run();
    double[] millis = new double[repeat];
    for (int i = 0; i < repeat; i++) {
      long start = System.nanoTime();
      if (work.run() < 0) {
        throw new IllegalStateException("no answer");
      }
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[repeat / 2];
  }

  private static long get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    return response.body().length;
  }
}
