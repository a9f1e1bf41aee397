package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.TrainingActivities;

/**
 * A run whose training chunk nobody polls for: Temporal's description of the workflow shows the
 * chunk waiting on {@code rll-gpu} since it was scheduled, and the wait ends when a worker comes.
 * (The test server does not skip time while an activity waits, so the five-minute notice itself is
 * {@code QueueWaitTest}'s.)
 */
class QueueWaitRunTest {
  private TestWorkflowEnvironment temporal;

  @BeforeEach
  void start() {
    temporal = PipelineTestServer.withCpuWorker(new InstantStages(1, new AtomicInteger()));
    temporal.start();
  }

  @AfterEach
  void stop() {
    temporal.close();
  }

  @Test
  void aChunkWithNoGpuWorkerWaitsOnRllGpuUntilOneComes() throws InterruptedException {
    WorkflowClient client = temporal.getWorkflowClient();
    Instant started = now().truncatedTo(ChronoUnit.SECONDS);
    WorkflowClient.start(
        PipelineStubs.newRun(client, "alone")::run,
        SpecCodec.encode(SpecTree.empty().set("dataset.source", "file:///data").toSpec()));

    QueueWait wait = awaitWait(client);
    assertEquals(TaskQueues.GPU, wait.taskQueue());
    assertEquals("TrainChunk", wait.activityType());
    assertFalse(wait.since().isBefore(started), wait + " began before the run");
    assertFalse(wait.overdue(now()), "a wait of seconds is within the notice");
    assertEquals(
        "waiting for a worker on rll-gpu for 7 min"
            + " (TrainChunk: no worker polls rll-gpu, or all are busy)",
        wait.describe(wait.since().plus(Duration.ofMinutes(7))));

    WorkerFactory gpu = WorkerFactory.newInstance(client);
    gpu.newWorker(TaskQueues.GPU)
        .registerActivitiesImplementations(
            (TrainingActivities) request -> new ChunkOutcome(1, "runs/alone/1/", false, 0.5, 10));
    gpu.start();
    PipelineResult result = client.newUntypedWorkflowStub("alone").getResult(PipelineResult.class);
    gpu.shutdown();

    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertTrue(QueueWait.longest(client, "alone").isEmpty(), "a closed run waits on nothing");
  }

  /** The chunk's wait, once the workflow has scheduled it. */
  private static QueueWait awaitWait(WorkflowClient client) throws InterruptedException {
    for (int poll = 0; poll < 300; poll++) {
      Optional<QueueWait> wait = QueueWait.longest(client, "alone");
      if (wait.filter(w -> w.taskQueue().equals(TaskQueues.GPU)).isPresent()) {
        return wait.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the training chunk was not scheduled in 30 s");
  }

  private Instant now() {
    return Instant.ofEpochMilli(temporal.currentTimeMillis());
  }
}
