package org.rll.cli.run;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.db.RunRow;
import org.rll.worker.TemporalConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rll cancel}: asks a running run to stop after its current iteration. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Asks a run's workflow to stop: training stops after its current iteration and leaves a"
          + " checkpoint, and the run ends CANCELLED. `rll resume <run>` continues it.",
      "Exit code: 0 asked, 1 the run is not running, 2 bad input."
    })
public final class CancelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RunArguments arguments;

  @Override
  public Integer call() {
    String runId = arguments.runId;
    Optional<RunRow> row = arguments.find();
    String workflowId = arguments.workflowId(row);
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = arguments.temporal.connect()) {
      if (!new RunControl(connection).cancel(workflowId)) {
        out.println(
            "run "
                + runId
                + " is not running"
                + row.map(r -> " (" + r.status() + ")").orElse("")
                + ": nothing to cancel");
        return 1;
      }
    }
    out.println(
        "asked run "
            + runId
            + " (workflow "
            + workflowId
            + ") to stop after its current"
            + " iteration; `rll resume "
            + runId
            + "` continues it");
    return 0;
  }
}
