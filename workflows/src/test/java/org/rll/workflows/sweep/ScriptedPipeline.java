package org.rll.workflows.sweep;

import io.temporal.common.converter.RawValue;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.Progress;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.MetricValue;

/**
 * A stand-in for the pipeline that a sweep's children run: it trains for an hour of workflow time,
 * scores Recall@1 = loss.alpha / 10, fails when alpha is 9, and stops early when cancelled. The
 * runs that succeeded are kept, as the results database keeps them.
 */
public final class ScriptedPipeline implements RllPipeline {
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_RUNNING = new AtomicInteger();
  static final AtomicInteger STARTED = new AtomicInteger();
  static final Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();

  private boolean cancelled;

  static void reset() {
    RUNNING.set(0);
    MOST_RUNNING.set(0);
    STARTED.set(0);
    SUCCEEDED.clear();
  }

  @Override
  public PipelineResult run(RawValue input) {
    PipelineSpec spec = SpecCodec.decode(input);
    if (!Workflow.isReplaying()) {
      STARTED.incrementAndGet();
      MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
    }
    try {
      Workflow.await(Duration.ofHours(1), () -> cancelled);
      if (cancelled) {
        return new PipelineResult(spec.runId(), RunStatus.CANCELLED, 5, null, List.of());
      }
      double alpha = spec.loss().alpha();
      if (alpha == 9) {
        throw ApplicationFailure.newNonRetryableFailure("alpha 9 diverged", "Diverged");
      }
      MetricValue recall = new MetricValue("H", "recall", 1, alpha / 10);
      if (!Workflow.isReplaying()) {
        SUCCEEDED.add(spec.runId());
      }
      return new PipelineResult(
          spec.runId(),
          RunStatus.SUCCEEDED,
          10,
          "runs/" + spec.runId() + "/model.onnx",
          List.of(new EvaluationSummary(10, List.of(recall))));
    } finally {
      if (!Workflow.isReplaying()) {
        RUNNING.decrementAndGet();
      }
    }
  }

  @Override
  public Progress progress() {
    return Progress.starting(null);
  }

  @Override
  public void cancel() {
    cancelled = true;
  }
}
