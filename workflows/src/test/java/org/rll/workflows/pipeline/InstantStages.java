package org.rll.workflows.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.rll.workflows.RunStatus;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.stages.BatchesRef;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.EmbeddingsRef;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.ModelRef;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.RunPlan;

/**
 * CPU stages that answer at once, for tests of the workflow's own logic: a plan of {@code
 * iterations} in chunks of one, and the run ends each {@code finishRun} records.
 */
class InstantStages implements PipelineActivities {
  final List<RunStatus> ends = new CopyOnWriteArrayList<>();
  private final long iterations;
  private final AtomicInteger plans;

  InstantStages(long iterations, AtomicInteger plans) {
    this.iterations = iterations;
    this.plans = plans;
  }

  @Override
  public RunPlan plan(String runId, String workflowId, PipelineSpec spec) {
    plans.incrementAndGet();
    return new RunPlan(runId, workflowId, spec, "hash", "runs/" + runId + "/", iterations, 1, 0);
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
  public void finishRun(RunPlan plan, RunStatus status) {
    ends.add(status);
  }
}
