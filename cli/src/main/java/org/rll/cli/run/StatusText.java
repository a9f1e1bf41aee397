package org.rll.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.worker.DataConverters;
import org.rll.workflows.pipeline.Progress;
import org.rll.workflows.stages.MetricValue;

/**
 * {@code rll status} as lines: the database's record of the run, then its workflow's progress while
 * it runs, or how it ended with the failure chain, one indented line per cause.
 */
final class StatusText {

  private StatusText() {}

  static String write(StatusReport report) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    report
        .record()
        .ifPresentOrElse(
            record -> record(record, out),
            () -> out.println("run " + report.runId() + ": not in the " + report.database()));
    out.println(workflow(report.workflow()));
    out.flush();
    return text.toString();
  }

  private static void record(RunRecord record, PrintWriter out) {
    RunRow run = record.run();
    out.printf(
        "run %s  %s  dataset %s  workflow %s%n",
        run.runId(), run.status(), run.dataset(), run.workflowId());
    out.println("created " + run.createdAt() + ", updated " + run.updatedAt());
    out.println(
        record
            .newestCheckpoint()
            .map(c -> "newest checkpoint: iteration " + c.iteration() + " (" + c.blobKey() + ")")
            .orElse("no checkpoint yet"));
    record.lastLogged().ifPresent(last -> out.println(logged(last)));
    record
        .metricsIteration()
        .ifPresent(
            iteration -> {
              out.println("metrics (%) at iteration " + iteration + ":");
              MetricLines.format(
                      record.latestMetrics().stream()
                          .map(m -> new MetricValue(m.head(), m.metric(), m.k(), m.value()))
                          .toList())
                  .forEach(line -> out.println("  " + line));
            });
  }

  private static String logged(TrainingLogRow last) {
    return String.format(
        Locale.ROOT,
        "last logged iteration %d: loss %.4f, lr %.4g, %.0f images/s",
        last.iteration(),
        last.loss(),
        last.lr(),
        last.imagesPerSecond());
  }

  private static String workflow(WorkflowState state) {
    String workflow = "workflow " + state.workflowId();
    if (state.progress().isPresent()) {
      return workflow
          + " is running: "
          + ProgressLine.format(progress(state.progress().get()), state.waiting(), state.readAt());
    }
    if (state.outcome().filter(o -> !o.running()).isPresent()) {
      WorkflowOutcome outcome = state.outcome().get();
      return ended(workflow + " " + outcome.status(), outcome.failure());
    }
    String problem = state.problem().orElseThrow();
    return state.reachable() ? problem : problem + ": shown is what the results database knows";
  }

  /** {@code <workflow> FAILED: <outermost failure>}, then a line per cause. */
  private static String ended(String line, List<FailureLevel> failure) {
    StringBuilder text = new StringBuilder(line);
    for (int i = 0; i < failure.size(); i++) {
      text.append(i == 0 ? ": " : "\n  caused by ").append(describe(failure.get(i)));
    }
    return text.toString();
  }

  private static String describe(FailureLevel level) {
    String type =
        level.applicationType() == null
            ? level.type()
            : level.type() + " (" + level.applicationType() + ")";
    return level.message() == null || level.message().isEmpty()
        ? type
        : type + ": " + level.message();
  }

  private static Progress progress(JsonNode answer) {
    try {
      return DataConverters.tolerantMapper().treeToValue(answer, Progress.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the progress query answered " + answer, e);
    }
  }
}
