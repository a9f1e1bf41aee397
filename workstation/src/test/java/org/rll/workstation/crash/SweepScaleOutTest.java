package org.rll.workstation.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.idx.FashionMnist;
import org.rll.db.ResultsRepository;
import org.rll.worker.Activities;
import org.rll.worker.Queue;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.sweep.RllSweep;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepResult;
import org.rll.workflows.sweep.SweepRun;
import org.rll.workflows.sweep.SweepSpec;
import org.rll.workstation.bench.ShortSweep;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;

/**
 * A sweep fans out over separate worker processes and survives one of them being killed: the stack
 * runs the workflows and CPU stages in this process, two {@code rll worker --activities-only}
 * processes train. Both train runs of the sweep; one is killed with SIGKILL mid-sweep; the sweep
 * still ends with every run equal to the same run trained alone.
 */
class SweepScaleOutTest {
  private static final int ITERATIONS = 30;
  private static final Pattern TRAINED = Pattern.compile("run (sweep-[0-9a-f]+-s\\d): training");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path sources;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void runsSpreadOverWorkersAndSurviveAKilledOne() throws Exception {
    Path source = FashionMnist.copyBundledTestSet(sources.resolve("fashion-mnist"));
    SweepSpec sweep = sweep(source);
    try (DevStack stack =
        DevStack.start(home, DevPorts.free(), Activities::working, EnumSet.of(Queue.CPU))) {
      ResultsRepository results = new ResultsRepository(stack.dataSource());
      WorkflowClient client = stack.temporal().client();
      WorkerProcess first = WorkerProcess.start(stack, home.resolve("first.log"));
      WorkerProcess second = WorkerProcess.start(stack, home.resolve("second.log"));
      try {
        RllSweep workflow =
            client.newWorkflowStub(
                RllSweep.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("sweep")
                    .setTaskQueue(TaskQueues.CPU)
                    .build());
        WorkflowClient.start(workflow::run, SpecCodec.encode(sweep));
        awaitTraining(first);
        awaitTraining(second);
        first.kill();

        SweepResult result = WorkflowStub.fromTyped(workflow).getResult(SweepResult.class);
        assertEquals(6, result.progress().succeeded(), result.toString());

        for (SweepRun run : SweepPlan.of("sweep", sweep).runs()) {
          String alone = "alone-" + run.runId();
          PipelineResult straight =
              PipelineStubs.newRun(client, alone)
                  .run(
                      SpecCodec.encode(
                          SpecTree.parse(JSON.writeValueAsString(run.spec()))
                              .set("runId", alone)
                              .toSpec()));
          assertEquals(RunStatus.SUCCEEDED, straight.status());
          assertArrayEquals(
              RunArtifacts.parameters(stack, alone, ITERATIONS),
              RunArtifacts.parameters(stack, run.runId(), ITERATIONS),
              run.runId());
          assertEquals(
              RunArtifacts.metrics(results, alone),
              RunArtifacts.metrics(results, run.runId()),
              run.runId());
        }
      } finally {
        first.kill();
        second.kill();
      }
    }
  }

  private static SweepSpec sweep(Path source) {
    return ShortSweep.of(
        source,
        ITERATIONS,
        10,
        "[{\"path\": \"loss.alpha\", \"values\": [1.0, 1.2, 1.4]}]",
        List.of(0L, 1L),
        4);
  }

  /** Waits until {@code worker} has started training a run of the sweep. */
  private static void awaitTraining(WorkerProcess worker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher trained = TRAINED.matcher(worker.output());
      if (trained.find()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the worker trained no run in 4 minutes:\n" + worker.output());
  }
}
