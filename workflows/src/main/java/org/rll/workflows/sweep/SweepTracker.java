package org.rll.workflows.sweep;

import java.util.ArrayList;
import java.util.List;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.MetricValue;

/** Counts a sweep's runs by state as they start and end, and keeps the best result. */
final class SweepTracker {
  private final int total;
  private int pending;
  private int running;
  private int succeeded;
  private int failed;
  private int cancelled;
  private SweepBest best;
  private final List<String> failures = new ArrayList<>();

  /** A sweep of {@code total} runs of which {@code succeededBefore} ended well earlier. */
  SweepTracker(int total, int succeededBefore) {
    this.total = total;
    this.succeeded = succeededBefore;
    this.pending = total - succeededBefore;
  }

  void started() {
    pending--;
    running++;
  }

  /** {@code run} ended as {@code result} says. */
  void ended(SweepRun run, PipelineResult result) {
    running--;
    if (result.status() == RunStatus.SUCCEEDED) {
      succeeded++;
      consider(run, result.evaluations());
    } else {
      cancelled++;
    }
  }

  /** {@code run} was cancelled before it ended. */
  void cancelled(SweepRun run) {
    running--;
    cancelled++;
  }

  /** {@code run} failed with {@code message}. */
  void failed(SweepRun run, String message) {
    running--;
    failed++;
    failures.add(run.runId() + ": " + message);
  }

  SweepProgress progress() {
    return new SweepProgress(total, pending, running, succeeded, failed, cancelled, best);
  }

  /** The failed runs, each with its message, in the order they failed. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  private void consider(SweepRun run, List<EvaluationSummary> evaluations) {
    if (evaluations.isEmpty()) {
      return;
    }
    for (MetricValue metric : evaluations.get(evaluations.size() - 1).metrics()) {
      boolean recallAt1 = metric.metric().equals("recall") && metric.k() == 1;
      if (recallAt1 && (best == null || metric.value() > best.recallAt1())) {
        best = new SweepBest(run.runId(), run.setting().describe(), metric.head(), metric.value());
      }
    }
  }
}
