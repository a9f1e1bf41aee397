package org.rll.workflows.sweep;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.common.converter.RawValue;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rll.workflows.RootCause;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.ValidInput;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.SpecCodec;

/**
 * The sweep as a workflow: checks and records every run first, then keeps up to {@code maxParallel}
 * child runs going, each a plain {@code RllPipeline} any worker may take. A run that succeeded in
 * an earlier execution is not run again, so a resumed or continued-as-new sweep goes on where it
 * stopped, and an unfinished run continues from its newest checkpoint.
 */
public final class RllSweepImpl implements RllSweep {
  /** Runs one execution starts before it continues as new, which keeps its history small. */
  static final int RUNS_PER_EXECUTION = 200;

  private final SweepActivities activities =
      Workflow.newActivityStub(
          SweepActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.CPU)
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .build());
  private final Map<String, Promise<PipelineResult>> running = new LinkedHashMap<>();
  private final Map<String, SweepRun> runningRuns = new LinkedHashMap<>();
  private final Map<String, RllPipeline> children = new LinkedHashMap<>();
  private SweepTracker tracker = new SweepTracker(0, 0);
  private boolean cancelRequested;
  private boolean runsCancelled;

  @Override
  public SweepResult run(RawValue input) {
    String sweepId = Workflow.getInfo().getWorkflowId();
    SweepSpec spec = ValidInput.of(() -> SpecCodec.decode(SpecCodec.tree(input), SweepSpec.class));
    SweepPlan plan = ValidInput.of(() -> SweepPlan.of(sweepId, spec));
    Set<String> succeeded = activities.prepare(sweepId, spec);
    Deque<SweepRun> queue = new ArrayDeque<>();
    plan.runs().stream().filter(r -> !succeeded.contains(r.runId())).forEach(queue::add);
    tracker = new SweepTracker(plan.runs().size(), plan.runs().size() - queue.size());
    int started = 0;
    while (!cancelRequested && !queue.isEmpty() && started < RUNS_PER_EXECUTION) {
      if (running.size() < plan.maxParallel()) {
        start(queue.poll());
        started++;
      } else {
        awaitAnyEnd();
      }
    }
    while (!running.isEmpty()) {
      awaitAnyEnd();
    }
    if (!cancelRequested && !queue.isEmpty()) {
      Workflow.continueAsNew(input);
    }
    return new SweepResult(sweepId, tracker.progress(), tracker.failures());
  }

  @Override
  public SweepProgress progress() {
    return tracker.progress();
  }

  @Override
  public void cancel() {
    cancelRequested = true;
  }

  private void start(SweepRun run) {
    RllPipeline child =
        Workflow.newChildWorkflowStub(
            RllPipeline.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(run.runId())
                .setTaskQueue(TaskQueues.CPU)
                .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                .build());
    running.put(run.runId(), Async.function(child::run, SpecCodec.encode(run.spec())));
    runningRuns.put(run.runId(), run);
    children.put(run.runId(), child);
    tracker.started();
  }

  /**
   * Waits until a running child ends, or the sweep is cancelled, which passes the cancellation on
   * to every running child; counts every child that has ended.
   */
  private void awaitAnyEnd() {
    Workflow.await(
        () ->
            (cancelRequested && !runsCancelled)
                || running.values().stream().anyMatch(Promise::isCompleted));
    if (cancelRequested && !runsCancelled) {
      runsCancelled = true;
      running
          .keySet()
          .forEach(runId -> Workflow.newExternalWorkflowStub(RllPipeline.class, runId).cancel());
    }
    Iterator<Map.Entry<String, Promise<PipelineResult>>> entries = running.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Promise<PipelineResult>> entry = entries.next();
      if (!entry.getValue().isCompleted()) {
        continue;
      }
      entries.remove();
      SweepRun run = runningRuns.remove(entry.getKey());
      children.remove(entry.getKey());
      try {
        tracker.ended(run, entry.getValue().get());
      } catch (ChildWorkflowFailure e) {
        if (e.getCause() instanceof CanceledFailure) {
          tracker.cancelled(run);
        } else {
          tracker.failed(run, RootCause.message(e));
        }
      }
    }
  }
}
