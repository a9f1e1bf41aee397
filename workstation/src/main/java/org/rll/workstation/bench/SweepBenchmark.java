package org.rll.workstation.bench;

import io.temporal.client.WorkflowClient;
import org.rll.cli.sweep.SweepCommand;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepResult;
import org.rll.workflows.sweep.SweepRun;
import org.rll.workflows.sweep.SweepSpec;

/**
 * Times the runs of one sweep two ways on the same workers: as plain {@code RllPipeline} workflows
 * started one after another, each once the previous one ended, and as one {@code RllSweep}
 * workflow. Each way runs under its own ids, so neither finds the other's results.
 */
final class SweepBenchmark {
  private final WorkflowClient client;
  private final SweepSpec sweep;

  SweepBenchmark(WorkflowClient client, SweepSpec sweep) {
    this.client = client;
    this.sweep = sweep;
  }

  /** Trains the sweep's first run once under the id prefix {@code id}, untimed. */
  void warmUp(String id) {
    runPipeline(SweepPlan.of(id, sweep).runs().get(0));
  }

  /**
   * Seconds the sweep's runs take as plain runs, one after another, under the prefix {@code id}.
   */
  double oneAfterAnother(String id) {
    long start = System.nanoTime();
    SweepPlan.of(id, sweep).runs().forEach(this::runPipeline);
    return seconds(start);
  }

  /** Seconds the sweep takes as the {@code RllSweep} workflow {@code id}. */
  double asSweep(String id) {
    int runs = SweepPlan.of(id, sweep).runs().size();
    long start = System.nanoTime();
    SweepCommand.start(client, id, sweep);
    SweepResult result = client.newUntypedWorkflowStub(id).getResult(SweepResult.class);
    double seconds = seconds(start);
    if (result.progress().succeeded() != runs) {
      throw new IllegalStateException("the benchmark's sweep " + id + " ended with " + result);
    }
    return seconds;
  }

  private void runPipeline(SweepRun run) {
    PipelineResult result =
        PipelineStubs.newRun(client, run.runId()).run(SpecCodec.encode(run.spec()));
    if (result.status() != RunStatus.SUCCEEDED) {
      throw new IllegalStateException("the benchmark's run " + run.runId() + " ended " + result);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
