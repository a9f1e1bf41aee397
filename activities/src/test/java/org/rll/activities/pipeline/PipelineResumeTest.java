package org.rll.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.db.ResultsDatabaseTest;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.RunStatus;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.TrainingActivities;

/** A run cancelled during training, then resumed by a new workflow under the same run id. */
class PipelineResumeTest extends ResultsDatabaseTest {
  private static final int ITERATIONS = 12;

  @TempDir static Path sources;
  private static Path fashionMnist;
  @TempDir Path dir;

  PipelineResumeTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeAll
  static void copyDataset() throws IOException {
    fashionMnist = PipelineHarness.fashionMnist(sources);
  }

  /** The real training, held at the start of its second chunk until the test lets it go. */
  static final class GatedTraining implements TrainingActivities {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final TrainingActivities real;

    GatedTraining(TrainingActivities real) {
      this.real = real;
    }

    @Override
    public ChunkOutcome trainChunk(ChunkRequest request) {
      if (calls.incrementAndGet() == 2) {
        reached.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return real.trainChunk(request);
    }
  }

  @Test
  void aCancelledRunResumesFromItsCheckpointAndEndsAsAnUninterruptedOne() throws Exception {
    GatedTraining[] gate = new GatedTraining[1];
    try (PipelineHarness harness =
        new PipelineHarness(dir, repository, real -> gate[0] = new GatedTraining(real))) {
      PipelineSpec spec = PipelineHarness.tinySpec("run-r", fashionMnist, ITERATIONS, null);
      RllPipeline first = harness.pipeline("wf-1");
      WorkflowClient.start(first::run, SpecCodec.encode(spec));
      assertTrue(gate[0].reached.await(120, TimeUnit.SECONDS));
      first.cancel();
      gate[0].release.countDown();
      PipelineResult cancelled =
          harness.client.newUntypedWorkflowStub("wf-1").getResult(PipelineResult.class);

      assertEquals(RunStatus.CANCELLED, cancelled.status());
      assertEquals(RunStatus.CANCELLED, repository.run("run-r").orElseThrow().status());
      long checkpoint = harness.checkpoints("run-r").newest().orElseThrow().iteration();
      assertTrue(checkpoint >= 4 && checkpoint < ITERATIONS, "checkpoint " + checkpoint);
      Map<String, FileTime> before = writeTimes(harness);

      PipelineResult resumed = harness.run("wf-2", spec);

      assertEquals(RunStatus.SUCCEEDED, resumed.status());
      assertEquals(ITERATIONS, resumed.iterationsDone());
      assertEquals(RunStatus.SUCCEEDED, repository.run("run-r").orElseThrow().status());
      assertEquals("wf-2", repository.run("run-r").orElseThrow().workflowId());
      Map<String, FileTime> after = writeTimes(harness);
      after.keySet().retainAll(before.keySet());
      assertEquals(
          before, after, "the dataset, the batches and earlier checkpoints stay as written");
      assertEquals(
          LongStream.range(0, ITERATIONS).boxed().toList(),
          repository.trainingLog("run-r").stream().map(TrainingLogRow::iteration).toList());

      harness.run("wf-3", PipelineHarness.tinySpec("run-s", fashionMnist, ITERATIONS, null));
      assertArrayEquals(
          harness.parameters("run-s", ITERATIONS), harness.parameters("run-r", ITERATIONS));
    }
  }

  /** When every blob of the prepared dataset, the batches and the run's checkpoints was written. */
  private static Map<String, FileTime> writeTimes(PipelineHarness harness) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    for (String prefix : List.of("datasets/", "runs/run-r/manifest/", "runs/run-r/checkpoints/")) {
      for (String key : harness.store.list(prefix)) {
        times.put(key, harness.written(key));
      }
    }
    return times;
  }
}
