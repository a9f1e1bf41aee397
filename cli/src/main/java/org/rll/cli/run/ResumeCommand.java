package org.rll.cli.run;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.cli.spec.SpecFile;
import org.rll.cli.sweep.SweepCommand;
import org.rll.cli.sweep.SweepFollower;
import org.rll.db.RunRow;
import org.rll.db.SweepRow;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rll resume}: continues a failed, cancelled or interrupted run with a new workflow ({@code
 * <run>-resume-<n>}) on the run's recorded spec. Every stage output already in the store is found
 * again and training goes on from the newest complete checkpoint. Given a sweep's id, it starts the
 * sweep again under that id from its recorded spec.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continues a run that failed, was cancelled or was interrupted: a new workflow"
          + " <run>-resume-<n> runs the run's recorded spec, finds every finished stage in the"
          + " store and trains on from the newest checkpoint. A run still running is refused.",
      "Given a sweep's id, starts the sweep again from its recorded spec: runs that succeeded"
          + " are not run again, unfinished ones go on from their checkpoints.",
      "Exit code: 0 succeeded, 1 failed or cancelled, 2 bad input."
    })
public final class ResumeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RunArguments arguments;
  @Mixin FollowOptions follow;

  @Override
  public Integer call() throws Exception {
    String runId = arguments.runId;
    Optional<SweepRow> sweep = arguments.find().isEmpty() ? arguments.sweep() : Optional.empty();
    if (sweep.isPresent()) {
      return resumeSweep(sweep.get());
    }
    RunRow run = arguments.require();
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = arguments.temporal.connect()) {
      String workflowId = new RunControl(connection).resume(run);
      out.println(
          "run "
              + runId
              + " ("
              + run.status()
              + ") resumed as workflow "
              + workflowId
              + " on "
              + connection.target());
      out.flush();
      return follow.follow(connection.client(), workflowId, out);
    }
  }

  /**
   * Starts the sweep again under its id from its recorded spec: its runs that succeeded are not run
   * again, and unfinished ones go on from their checkpoints.
   */
  private int resumeSweep(SweepRow sweep) throws InterruptedException {
    SweepSpec recorded =
        SpecFile.json(sweep.specJson(), "the recorded sweep " + sweep.sweepId()).toSweep();
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = arguments.temporal.connect()) {
      SweepCommand.start(connection.client(), sweep.sweepId(), recorded);
      out.println("sweep " + sweep.sweepId() + " resumed on " + connection.target());
      out.flush();
      return follow.detach
          ? 0
          : SweepFollower.follow(
              connection.client(), sweep.sweepId(), out, follow.poll, arguments.database);
    }
  }
}
