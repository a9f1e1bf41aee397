package org.rll.cli.run;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rll.cli.options.TemporalOptions;
import org.rll.cli.spec.RunIds;
import org.rll.cli.spec.SpecFile;
import org.rll.core.exceptions.ValidationException;
import org.rll.worker.TemporalConnection;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rll train}: starts a run as a pipeline workflow and follows it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a run from a spec file (YAML or JSON) and/or flags, which override the file, as an"
          + " RllPipeline workflow on rll-cpu whose id is the run id; then follows its progress to"
          + " the end and prints its metrics.",
      "Exit code: 0 succeeded, 1 failed or cancelled, 2 bad input."
    })
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin SpecFlags flags;
  @Mixin TemporalOptions temporal;

  @Parameters(
      arity = "0..1",
      paramLabel = "<spec>",
      description = "The spec file: JSON if named *.json, YAML otherwise.")
  Path specFile;

  @Mixin FollowOptions follow;

  @Override
  public Integer call() throws Exception {
    SpecFile file = specFile == null ? SpecFile.none() : SpecFile.read(specFile);
    PipelineSpec given = file.toSpec(flags::applyTo);
    ValidationException.check(
        given.dataset() != null
            && given.dataset().source() != null
            && !given.dataset().source().isBlank(),
        "a run needs a dataset source: --source, or dataset.source in the spec file");
    String runId = RunIds.check(given.runId() != null ? given.runId() : RunIds.fresh());
    PipelineSpec runSpec = given.withRunId(runId);
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = temporal.connect()) {
      start(connection.client(), runSpec, runId);
      out.println(
          "run " + runId + " started (workflow " + runId + " on " + connection.target() + ")");
      out.flush();
      if (follow.detach) {
        out.println("rll status " + runId + " shows where it is");
      }
      return follow.follow(connection.client(), runId, out);
    }
  }

  /** Starts the pipeline for {@code runSpec} under {@code workflowId} on {@code rll-cpu}. */
  public static void start(WorkflowClient client, PipelineSpec runSpec, String workflowId) {
    RllPipeline pipeline = PipelineStubs.newRun(client, workflowId);
    try {
      WorkflowClient.start(pipeline::run, SpecCodec.encode(runSpec));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new ValidationException(
          "workflow "
              + workflowId
              + " is already running; `rll status "
              + runSpec.runId()
              + "` shows it");
    }
  }
}
