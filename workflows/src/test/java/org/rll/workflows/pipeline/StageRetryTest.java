package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.RunPlan;
import org.rll.workflows.stages.TrainingActivities;

/**
 * The workflow's retries, its stages replaced by activities that answer at once or fail as a test
 * says: a transient failure is retried and the progress query says so while the run waits; the run
 * fails naming the stage, the tries and the last error once the policy is spent; a failure marked
 * non-retryable is not retried; a cancellation ends the wait.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StageRetryTest {
  private static final String SLOW_DOWN = "cannot read s3://b/k: HTTP 503 SlowDown";

  private final AtomicInteger prepareFailures = new AtomicInteger();
  private final AtomicInteger chunkFailures = new AtomicInteger();
  private volatile int failPrepareTimes;
  private volatile boolean prepareFailsForGood;
  private volatile boolean chunksFail;
  private InstantStages stages;
  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    stages = new FlakyStages();
    temporal = PipelineTestServer.withCpuWorker(stages);
    temporal.newWorker(TaskQueues.GPU).registerActivitiesImplementations(new FlakyChunks());
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    temporal.close();
  }

  @Test
  void aTransientFailureIsRetriedAndTheProgressSaysSo() throws InterruptedException {
    failPrepareTimes = 2;
    RllPipeline run = PipelineStubs.newRun(client, "flaky");
    WorkflowClient.start(run::run, SpecCodec.encode(spec(null)));
    while (prepareFailures.get() < 2 || run.progress().retrying() == null) {
      Thread.sleep(20);
    }

    assertEquals(new Retrying("prepare dataset", 3, 10, SLOW_DOWN), run.progress().retrying());
    PipelineResult result = client.newUntypedWorkflowStub("flaky").getResult(PipelineResult.class);
    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertEquals(2, prepareFailures.get());
    assertEquals(null, run.progress().retrying());
  }

  @Test
  void theRunFailsNamingTheLastErrorOnceThePolicyIsSpent() {
    failPrepareTimes = Integer.MAX_VALUE;

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, () -> runOf(3));

    ApplicationFailure failure = assertInstanceOf(ApplicationFailure.class, failed.getCause());
    assertEquals("StageFailedException", failure.getType());
    assertEquals(
        "prepare dataset failed after 3 attempts; last error: " + SLOW_DOWN,
        failure.getOriginalMessage());
    assertInstanceOf(ActivityFailure.class, failure.getCause());
    assertEquals(3, prepareFailures.get());
    assertEquals(RunStatus.FAILED, stages.ends.get(0));
  }

  @Test
  void aNonRetryableFailureIsTriedOnce() {
    prepareFailsForGood = true;

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, () -> runOf(10));

    ActivityFailure activity = assertInstanceOf(ActivityFailure.class, failed.getCause());
    ApplicationFailure failure = assertInstanceOf(ApplicationFailure.class, activity.getCause());
    assertEquals("not a gzip stream", failure.getOriginalMessage());
    assertEquals(1, prepareFailures.get());
  }

  @Test
  void aCancellationEndsTheWaitBeforeTheNextTry() throws InterruptedException {
    chunksFail = true;
    RllPipeline run = PipelineStubs.newRun(client, "cancelled");
    WorkflowClient.start(run::run, SpecCodec.encode(spec(null)));
    while (run.progress().retrying() == null) {
      Thread.sleep(20);
    }

    run.cancel();

    PipelineResult result =
        client.newUntypedWorkflowStub("cancelled").getResult(PipelineResult.class);
    assertEquals(RunStatus.CANCELLED, result.status());
    assertEquals(1, chunkFailures.get());
  }

  private PipelineResult runOf(int maxAttempts) {
    return PipelineStubs.newRun(client, "run").run(SpecCodec.encode(spec(maxAttempts)));
  }

  private static PipelineSpec spec(Integer maxAttempts) {
    return SpecTree.empty()
        .set("dataset.source", "file:///data")
        .set("retry.maxAttempts", maxAttempts)
        .toSpec();
  }

  private final class FlakyStages extends InstantStages {
    FlakyStages() {
      super(2, new AtomicInteger());
    }

    @Override
    public DatasetRef prepareDataset(RunPlan plan) {
      if (prepareFailsForGood) {
        prepareFailures.incrementAndGet();
        throw ApplicationFailure.newNonRetryableFailure("not a gzip stream", "CorruptData");
      }
      if (prepareFailures.get() < failPrepareTimes) {
        prepareFailures.incrementAndGet();
        throw ApplicationFailure.newFailure(SLOW_DOWN, "TransientStorageException");
      }
      return super.prepareDataset(plan);
    }
  }

  private final class FlakyChunks implements TrainingActivities {
    @Override
    public ChunkOutcome trainChunk(ChunkRequest request) {
      if (chunksFail) {
        chunkFailures.incrementAndGet();
        throw ApplicationFailure.newFailure("worker lost its GPU", "TransientStorageException");
      }
      return new ChunkOutcome(request.targetIteration(), "ckpt/", false, 0.5, 100);
    }
  }
}
