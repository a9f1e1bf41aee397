package org.rll.cli.worker;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.rll.activities.ActivityEnvironment;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.options.StoreOptions;
import org.rll.cli.options.TemporalOptions;
import org.rll.cli.options.UntilStopped;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.db.ResultsRepository;
import org.rll.worker.Activities;
import org.rll.worker.HealthServer;
import org.rll.worker.Queue;
import org.rll.worker.RunningWorkers;
import org.rll.worker.TemporalConnection;
import org.rll.worker.WorkerMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rll worker}: polls task queues and runs the pipeline's workflows and activities. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Polls rll's task queues until stopped (SIGINT or SIGTERM): rll-cpu runs the pipeline and"
          + " sweep workflows and their CPU stages, rll-gpu runs training, one chunk at a time, on"
          + " the GPU when one is visible, else on the CPU (so a stack without GPU workers still"
          + " finishes its runs when its workers poll both queues).",
      "When stopped, a running training chunk stops after its iteration and leaves a checkpoint."
    })
public final class WorkerCommand implements Callable<Integer> {
  /**
   * How long a stopped worker lets running activities finish their checkpoints; the deploy files
   * give a stopping container longer than {@link RunningWorkers#longestClose} of it.
   */
  public static final Duration GRACE = Duration.ofMinutes(2);

  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin StoreOptions store;
  @Mixin DatabaseOptions database;

  @Option(
      names = "--queues",
      split = ",",
      paramLabel = "<queue>",
      defaultValue = "cpu,gpu",
      description = "Queues to poll: cpu, gpu or both (default: ${DEFAULT-VALUE}).")
  List<Queue> queues;

  @Option(
      names = "--activities-only",
      description =
          "Run activities only, no workflows. Needed beside `rll dev`: on the Temporal test server"
              + " only the server's own process may run workflows.")
  boolean activitiesOnly;

  @Option(
      names = "--scratch-dir",
      paramLabel = "<dir>",
      description =
          "Local room for downloads and extraction (default: ${DEFAULT-VALUE}; RLL_HOME moves"
              + " it).")
  Path scratch;

  @Option(
      names = "--health-port",
      paramLabel = "<port>",
      description =
          "Serve /healthz (liveness), /readyz (readiness: Temporal answers) and /metrics (the"
              + " Temporal SDK's metrics for Prometheus) on this port; 0 picks a free one. Off"
              + " unless given.")
  Integer healthPort;

  @Option(
      names = "--health-bind",
      paramLabel = "<address>",
      description =
          "The address of the health port (default: ${DEFAULT-VALUE}, reachable by the cluster's"
              + " probes; they carry no secrets).")
  String healthBind = "0.0.0.0";

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(scratch);
    WorkerMetrics metrics = new WorkerMetrics();
    TemporalConnection connection = temporal.connect(metrics.scope());
    ResultsConnection results;
    try {
      results = database.open();
    } catch (StorageAccessException e) {
      connection.close();
      throw e;
    }
    ActivityEnvironment environment =
        new ActivityEnvironment(
            store.open(),
            store.sources(),
            new ResultsRepository(results.dataSource()),
            scratch,
            Clock.systemUTC());
    RunningWorkers workers =
        RunningWorkers.start(
            connection.client(),
            EnumSet.copyOf(queues),
            !activitiesOnly,
            Activities.working(environment),
            GRACE);
    HealthServer health =
        healthPort == null
            ? null
            : HealthServer.start(
                new InetSocketAddress(healthBind, healthPort),
                workers::problem,
                () -> workers.problem().or(connection::problem),
                metrics);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "rll worker: Temporal " + connection.target() + ", results in the " + results.address());
    workers.description().forEach(out::println);
    if (health != null) {
      out.println("health and metrics on port " + health.port() + ": /healthz /readyz /metrics");
    }
    out.flush();
    UntilStopped.await(
        () -> {
          try (connection;
              results;
              metrics) {
            workers.close();
          } finally {
            if (health != null) {
              health.close();
            }
          }
        });
    return 0;
  }
}
