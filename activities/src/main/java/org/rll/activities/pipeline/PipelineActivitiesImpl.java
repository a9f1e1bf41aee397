package org.rll.activities.pipeline;

import org.rll.activities.ActivityEnvironment;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.stages.BatchesRef;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.EmbeddingsRef;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.ModelRef;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.RunPlan;

/** Placeholder for the CPU stages, replaced by the real implementation. */
public final class PipelineActivitiesImpl implements PipelineActivities {

  public PipelineActivitiesImpl(ActivityEnvironment environment) {}

  @Override
  public RunPlan plan(String runId, String workflowId, PipelineSpec spec) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public DatasetRef prepareDataset(RunPlan plan) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public BatchesRef buildBatchManifest(RunPlan plan, DatasetRef dataset) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public ModelRef exportModel(RunPlan plan, DatasetRef dataset, long iteration) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public EmbeddingsRef extractEmbeddings(RunPlan plan, DatasetRef dataset, ModelRef model) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public EvaluationSummary evaluate(RunPlan plan, EmbeddingsRef embeddings) {
    throw new UnsupportedOperationException("placeholder");
  }

  @Override
  public void finishRun(RunPlan plan, String status) {
    throw new UnsupportedOperationException("placeholder");
  }
}
