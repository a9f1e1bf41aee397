package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.spec.DatasetSection;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.stages.BatchesRef;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.EmbeddingsRef;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.ModelRef;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.RunPlan;
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
    temporal = TestWorkflowEnvironment.newInstance();
    Worker cpu = temporal.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RllPipelineImpl.class);
    cpu.registerActivitiesImplementations(new InstantStages());
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
    PipelineSpec spec = PipelineSpec.of(new DatasetSection("file:///data", null, null, null, null));
    WorkflowExecution first =
        WorkflowClient.start(PipelineStubs.newRun(client, "long")::run, SpecCodec.encode(spec));
    PipelineResult result = client.newUntypedWorkflowStub("long").getResult(PipelineResult.class);

    assertEquals("SUCCEEDED", result.status());
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

  private final class InstantStages implements PipelineActivities {
    @Override
    public RunPlan plan(String runId, String workflowId, PipelineSpec spec) {
      plans.incrementAndGet();
      return new RunPlan(runId, workflowId, spec, "hash", "runs/" + runId + "/", ITERATIONS, 1, 0);
    }

    @Override
    public DatasetRef prepareDataset(RunPlan plan) {
      return new DatasetRef("datasets/x/", "csv", 10, 2, 10, 2);
    }

    @Override
    public BatchesRef buildBatchManifest(RunPlan plan, DatasetRef dataset) {
      return new BatchesRef(plan.runPrefix() + "manifest/batches.bin", plan.iterations());
    }

    @Override
    public ModelRef exportModel(RunPlan plan, DatasetRef dataset, long iteration) {
      return new ModelRef(plan.runPrefix() + "model.onnx", iteration, 0);
    }

    @Override
    public EmbeddingsRef extractEmbeddings(RunPlan plan, DatasetRef dataset, ModelRef model) {
      return new EmbeddingsRef(plan.runPrefix() + "embeddings/", model.iteration(), 10);
    }

    @Override
    public EvaluationSummary evaluate(RunPlan plan, EmbeddingsRef embeddings) {
      return new EvaluationSummary(embeddings.iteration(), List.of());
    }

    @Override
    public void finishRun(RunPlan plan, String status) {}
  }
}
