package org.rll.workstation.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.idx.FashionMnist;
import org.rll.db.CheckpointRow;
import org.rll.db.ResultsRepository;
import org.rll.db.TrainingLogRow;
import org.rll.worker.Activities;
import org.rll.worker.Queue;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;

/**
 * The durability promise, end to end: the embedded stack runs the workflow and the CPU stages in
 * this process, and training runs in a separate worker process. That process is killed with {@code
 * SIGKILL} in the middle of training; a second worker process takes the chunk over after the
 * heartbeat timeout, from the newest checkpoint. The run must end with the parameters and metrics
 * of the same spec run without interruption, and its rows must hold every iteration once.
 */
class CrashResumeTest {
  private static final int ITERATIONS = 60;
  private static final int CHECKPOINT_EVERY = 10;
  private static final Pattern TRAINING_FROM =
      Pattern.compile("run crashed: training iterations (\\d+) to (\\d+)");

  @TempDir Path home;
  @TempDir Path sources;

  private static PipelineSpec spec(String runId, Path source) {
    return SpecTree.parse(
            """
            {"dataset": {"format": "fashion-mnist"},
             "sampler": {"classesPerBatch": 5, "imagesPerClass": 36},
             "model": {"backbone": "small-conv"},
             "training": {"learningRate": 0.01, "seed": 5}}
            """)
        .set("runId", runId)
        .set("dataset.source", source.toUri().toString())
        .set("training.iterations", ITERATIONS)
        .set("training.checkpointEvery", CHECKPOINT_EVERY)
        .set("training.chunkIterations", ITERATIONS)
        .toSpec();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aKilledTrainingWorkerIsReplacedAndTheRunEndsAsIfUninterrupted() throws Exception {
    Path source = FashionMnist.copyBundledTestSet(sources.resolve("fashion-mnist"));
    try (DevStack stack =
        DevStack.start(home, DevPorts.free(), Activities::working, EnumSet.of(Queue.CPU))) {
      ResultsRepository results = new ResultsRepository(stack.dataSource());
      WorkflowClient client = stack.temporal().client();
      WorkerProcess first = WorkerProcess.start(stack, home.resolve("first.log"));
      WorkflowClient.start(
          pipeline(client, "crashed")::run, SpecCodec.encode(spec("crashed", source)));

      long checkpointAtKill = awaitCheckpoint(results, "crashed", 2 * CHECKPOINT_EVERY);
      first.kill();
      WorkerProcess second = WorkerProcess.start(stack, home.resolve("second.log"));
      try {
        PipelineResult crashed =
            pipeline(client, "crashed").run(SpecCodec.encode(spec("crashed", source)));
        PipelineResult straight =
            pipeline(client, "straight").run(SpecCodec.encode(spec("straight", source)));

        assertEquals(RunStatus.SUCCEEDED, crashed.status());
        assertEquals(crashed.evaluations(), straight.evaluations());
        assertArrayEquals(
            RunArtifacts.parameters(stack, "straight", ITERATIONS),
            RunArtifacts.parameters(stack, "crashed", ITERATIONS));
        assertEquals(
            RunArtifacts.metrics(results, "straight"), RunArtifacts.metrics(results, "crashed"));
        assertEquals(
            LongStream.range(0, ITERATIONS).boxed().toList(),
            results.trainingLog("crashed").stream().map(TrainingLogRow::iteration).toList());
        List<Long> checkpoints =
            results.checkpoints("crashed").stream().map(CheckpointRow::iteration).toList();
        assertEquals(checkpoints.stream().distinct().toList(), checkpoints);

        long resumedFrom = resumedFrom(second.output());
        assertTrue(
            resumedFrom >= checkpointAtKill && resumedFrom <= checkpointAtKill + CHECKPOINT_EVERY,
            "the second worker resumed from " + resumedFrom + "; killed after " + checkpointAtKill);
      } finally {
        second.kill();
      }
    }
  }

  private static RllPipeline pipeline(WorkflowClient client, String workflowId) {
    return PipelineStubs.newRun(client, workflowId);
  }

  /** Waits until the run has recorded a checkpoint at or after {@code iteration}; returns it. */
  private static long awaitCheckpoint(ResultsRepository results, String runId, long iteration)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      long newest =
          results.checkpoints(runId).stream().mapToLong(CheckpointRow::iteration).max().orElse(-1);
      if (newest >= iteration) {
        return newest;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint " + iteration + " of " + runId + " in 3 minutes");
  }

  private static long resumedFrom(String log) {
    List<Long> starts = new ArrayList<>();
    Matcher matcher = TRAINING_FROM.matcher(log);
    while (matcher.find()) {
      starts.add(Long.parseLong(matcher.group(1)));
    }
    assertTrue(!starts.isEmpty(), "the second worker trained no chunk of the run:\n" + log);
    return starts.get(0);
  }
}
