package org.rll.cli.sweep;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.TemporalOptions;
import org.rll.cli.spec.RunIds;
import org.rll.cli.spec.SpecFile;
import org.rll.core.exceptions.ValidationException;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.sweep.RllSweep;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rll sweep}: starts a sweep as an RllSweep workflow and follows it. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a sweep from a sweep file (YAML or JSON: base, axes, combine, seeds, maxParallel)"
          + " as an RllSweep workflow on rll-cpu whose id is the sweep id, one RllPipeline run per"
          + " setting and seed; then follows it to the end.",
      "Exit code: 0 every run succeeded, 1 a run failed or the sweep was cancelled, 2 bad input."
    })
public final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin DatabaseOptions database;

  @Parameters(paramLabel = "<sweep>", description = "The sweep file: JSON if *.json, else YAML.")
  Path sweepFile;

  @Option(
      names = "--id",
      description =
          "The sweep's id, also its workflow id (default: the file's name, no extension).")
  String id;

  @Option(names = "--yes", description = "Start a grid of more than 10,000 settings.")
  boolean yes;

  @Option(names = "--detach", description = "Return once the sweep started.")
  boolean detach;

  @Option(
      names = "--poll",
      defaultValue = "PT5S",
      description = "How often progress is asked for (default: ${DEFAULT-VALUE}).")
  Duration poll;

  @Override
  public Integer call() throws Exception {
    SweepSpec sweep = allowLarge(SpecFile.read(sweepFile).toSweep());
    String sweepId = RunIds.check(id != null ? id : defaultId(sweepFile));
    int runs = plan(sweepId, sweep).runs().size();
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = temporal.connect()) {
      start(connection.client(), sweepId, sweep);
      out.printf(
          Locale.ROOT,
          "sweep %s started: %d runs (workflow %s on %s)%n",
          sweepId,
          runs,
          sweepId,
          connection.target());
      out.flush();
      if (detach) {
        out.println("rll results --sweep " + sweepId + " shows its results");
        return 0;
      }
      return SweepFollower.follow(connection.client(), sweepId, out, poll, database);
    }
  }

  /** Starts the sweep {@code sweep} as the workflow {@code sweepId} on {@code rll-cpu}. */
  public static void start(WorkflowClient client, String sweepId, SweepSpec sweep) {
    RllSweep workflow =
        client.newWorkflowStub(
            RllSweep.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(sweepId)
                .setTaskQueue(TaskQueues.CPU)
                .build());
    try {
      WorkflowClient.start(workflow::run, SpecCodec.encode(sweep));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new ValidationException("sweep " + sweepId + " is already running");
    }
  }

  private SweepSpec allowLarge(SweepSpec sweep) {
    if (!yes) {
      return sweep;
    }
    return new SweepSpec(
        sweep.base(), sweep.axes(), sweep.combine(), sweep.seeds(), sweep.maxParallel(), true);
  }

  private static SweepPlan plan(String sweepId, SweepSpec sweep) {
    try {
      return SweepPlan.of(sweepId, sweep);
    } catch (InvalidSpecException e) {
      throw new ValidationException(e.getMessage());
    }
  }

  private static String defaultId(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
