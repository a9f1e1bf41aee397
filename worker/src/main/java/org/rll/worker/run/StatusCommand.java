package org.rll.worker.run;

import io.temporal.client.WorkflowException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.CheckpointRow;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.worker.cli.ResultsConnection;
import org.rll.worker.temporal.TemporalConnection;
import org.rll.worker.temporal.TemporalUnreachableException;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.stages.MetricValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rll status}: what the results database knows of a run (its row, newest checkpoint, last
 * logged iteration, latest metrics) and, while its workflow runs, the workflow's own progress.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a run: its status, newest checkpoint, last logged iteration and latest metrics from"
          + " the results database, and the live progress of its workflow while it runs.",
      "Works without Temporal too, saying so."
    })
public final class StatusCommand implements Callable<Integer> {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  @Spec CommandSpec spec;
  @Mixin RunArguments arguments;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String runId = arguments.runId;
    Optional<RunRow> row;
    try (ResultsConnection db = arguments.database.open()) {
      ResultsRepository results = new ResultsRepository(db.dataSource());
      row = results.run(RunIds.check(runId));
      row.ifPresentOrElse(
          r -> printRecorded(results, r, out),
          () -> out.println("run " + runId + ": not in the " + db.address()));
    }
    boolean live = printLive(arguments.workflowId(row), out);
    out.flush();
    if (row.isEmpty() && !live) {
      throw new ValidationException("no run " + runId + " in the results database or in Temporal");
    }
    return 0;
  }

  private void printRecorded(ResultsRepository results, RunRow run, PrintWriter out) {
    out.printf(
        "run %s  %s  dataset %s  workflow %s%n",
        run.runId(), run.status(), run.dataset(), run.workflowId());
    out.println("created " + run.createdAt() + ", updated " + run.updatedAt());
    List<CheckpointRow> checkpoints = results.checkpoints(run.runId());
    if (checkpoints.isEmpty()) {
      out.println("no checkpoint yet");
    } else {
      CheckpointRow newest = checkpoints.get(checkpoints.size() - 1);
      out.println(
          "newest checkpoint: iteration " + newest.iteration() + " (" + newest.blobKey() + ")");
    }
    List<TrainingLogRow> log = results.trainingLog(run.runId());
    if (!log.isEmpty()) {
      TrainingLogRow last = log.get(log.size() - 1);
      out.printf(
          Locale.ROOT,
          "last logged iteration %d: loss %.4f, lr %.4g, %.0f images/s%n",
          last.iteration(),
          last.loss(),
          last.lr(),
          last.imagesPerSecond());
    }
    List<MetricRow> metrics = results.metrics(run.runId());
    metrics.stream()
        .map(MetricRow::checkpointIteration)
        .max(Comparator.naturalOrder())
        .ifPresent(
            iteration -> {
              out.println("metrics (%) at iteration " + iteration + ":");
              MetricLines.format(
                      metrics.stream()
                          .filter(m -> m.checkpointIteration() == iteration)
                          .map(m -> new MetricValue(m.head(), m.metric(), m.k(), m.value()))
                          .toList())
                  .forEach(line -> out.println("  " + line));
            });
  }

  /** Prints the workflow's progress when it runs; returns whether it does. */
  private boolean printLive(String workflowId, PrintWriter out) {
    try (TemporalConnection connection = arguments.temporal.connect(CONNECT_TIMEOUT)) {
      if (!connection.isRunning(workflowId)) {
        out.println("workflow " + workflowId + " is not running");
        return false;
      }
      RllPipeline pipeline = connection.client().newWorkflowStub(RllPipeline.class, workflowId);
      out.println(
          "workflow " + workflowId + " is running: " + ProgressLine.format(pipeline.progress()));
      return true;
    } catch (TemporalUnreachableException e) {
      out.println(
          "Temporal was not reachable at "
              + arguments.temporal.target()
              + ": shown is what the results"
              + " database knows");
      return false;
    } catch (WorkflowException e) {
      out.println(
          "workflow " + workflowId + " did not answer its progress query: " + e.getMessage());
      return true;
    }
  }
}
