package org.rll.workflows.stages;

import io.temporal.activity.ActivityInterface;
import org.rll.workflows.RunStatus;
import org.rll.workflows.spec.PipelineSpec;

/**
 * The stages that run on {@code rll-cpu}. Each is idempotent: run again with the same input, it
 * finds its output in the store or the database and returns it. Bad input fails at once with a
 * non-retryable failure naming the problem; storage and database faults are retried.
 */
@ActivityInterface
public interface PipelineActivities {

  /** Resolves the spec's defaults, validates it and records the run as running. */
  RunPlan plan(String runId, String workflowId, PipelineSpec spec);

  /** Fetches, verifies, extracts, validates and splits the dataset, or finds it prepared. */
  DatasetRef prepareDataset(RunPlan plan);

  /** Writes the run's class-balanced batches for every iteration, or finds them written. */
  BatchesRef buildBatchManifest(RunPlan plan, DatasetRef dataset);

  /** Exports the checkpoint of {@code iteration} to ONNX, checked on real test images. */
  ModelRef exportModel(RunPlan plan, DatasetRef dataset, long iteration);

  /** Embeds the test split with the exported model, restarting at the first missing shard. */
  EmbeddingsRef extractEmbeddings(RunPlan plan, DatasetRef dataset, ModelRef model);

  /** Scores stored embeddings and upserts the metrics of their iteration. */
  EvaluationSummary evaluate(RunPlan plan, EmbeddingsRef embeddings);

  /** Records how the run ended: a status that {@link RunStatus#ended() ended} it. */
  void finishRun(RunPlan plan, RunStatus status);
}
