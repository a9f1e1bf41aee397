package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.TrainingActivities;

/**
 * The workflow's own logic, its stages replaced by activities that answer at once: a run of more
 * chunks than one execution may hold continues as new, and the new execution goes on from where
 * training stands.
 */
class ContinueAsNewTest {
  private static final long ITERATIONS = 2L * RllPipelineImpl.CHUNKS_PER_EXECUTION + 5;

  private final AtomicInteger chunks = new AtomicInteger();
  private final AtomicInteger plans = new AtomicInteger();
  private TestWorkflowEnvironment temporal;

  @BeforeEach
  void start() {
    temporal = PipelineTestServer.withCpuWorker(new InstantStages(ITERATIONS, plans));
    temporal.newWorker(TaskQueues.GPU).registerActivitiesImplementations(new OneIterationChunks());
    temporal.start();
  }

  @AfterEach
  void stop() {
    temporal.close();
  }

  @Test
  void aLongRunContinuesAsNewAndFinishesWhereTrainingStands() {
    WorkflowClient client = temporal.getWorkflowClient();
    PipelineSpec spec = SpecTree.empty().set("dataset.source", "file:///data").toSpec();
    WorkflowExecution first =
        WorkflowClient.start(PipelineStubs.newRun(client, "long")::run, SpecCodec.encode(spec));
    PipelineResult result = client.newUntypedWorkflowStub("long").getResult(PipelineResult.class);

    assertEquals(RunStatus.SUCCEEDED, result.status());
    assertEquals("long", result.runId());
    assertEquals(ITERATIONS, result.iterationsDone());
    assertEquals(ITERATIONS, chunks.get());
    assertEquals(3, plans.get());
    WorkflowExecutionHistory history = client.fetchHistory("long", first.getRunId());
    assertEquals(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        history.getLastEvent().getEventType());
  }

  /** Training stands where the chunks have brought it; each chunk runs one iteration. */
  private final class OneIterationChunks implements TrainingActivities {
    @Override
    public ChunkOutcome trainChunk(ChunkRequest request) {
      long done = chunks.incrementAndGet();
      return new ChunkOutcome(done, "runs/long/checkpoints/" + done + "/", false, 0.5, 100);
    }
  }
}
