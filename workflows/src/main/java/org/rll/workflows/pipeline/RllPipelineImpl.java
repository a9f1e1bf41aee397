package org.rll.workflows.pipeline;

import io.temporal.common.converter.RawValue;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;
import org.rll.workflows.RunStatus;
import org.rll.workflows.ValidInput;
import org.rll.workflows.spec.EvaluationSection;
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
 * The pipeline as a workflow. Every stage is an activity whose output is found again when it runs
 * twice, so a continued-as-new or resumed run passes quickly over what is done and training goes on
 * from the newest checkpoint in the store. The workflow decodes its own input ({@link SpecCodec}),
 * so an input that is not a spec fails the run with a message instead of wedging it, and it retries
 * failed stages itself ({@link StageAttempts}), so its progress says what it is retrying.
 */
public final class RllPipelineImpl implements RllPipeline {
  /** Chunks one execution runs before it continues as new, which keeps its history small. */
  static final int CHUNKS_PER_EXECUTION = 100;

  private final PipelineActivities stages =
      Workflow.newActivityStub(PipelineActivities.class, StageOptions.cpu());
  private final TrainingActivities training =
      Workflow.newActivityStub(TrainingActivities.class, StageOptions.training());
  private Progress progress = Progress.starting(null);
  private boolean cancelRequested;
  private CancellationScope chunkScope;
  private StageAttempts attempts;

  @Override
  public PipelineResult run(RawValue input) {
    PipelineSpec spec = ValidInput.of(() -> SpecCodec.decode(input));
    attempts =
        new StageAttempts(
            ValidInput.of(() -> StageRetryPolicy.of(spec.retry())),
            retry -> progress = progress.withRetrying(retry),
            () -> cancelRequested);
    String workflowId = Workflow.getInfo().getWorkflowId();
    String runId = spec.runId() != null ? spec.runId() : workflowId;
    progress = Progress.starting(runId);
    RunPlan plan = stage("plan", () -> stages.plan(runId, workflowId, spec));
    progress = progress.withTotal(plan.iterations());
    try {
      DatasetRef dataset = stage("prepare dataset", () -> stages.prepareDataset(plan));
      BatchesRef batches = stage("batch manifest", () -> stages.buildBatchManifest(plan, dataset));
      if (EvaluationSection.untrained(spec)) {
        evaluateUntrained(plan, dataset, batches);
      }
      long done = train(plan, dataset, batches, spec.withRunId(runId));
      if (cancelRequested) {
        return end(plan, RunStatus.CANCELLED, done, null);
      }
      ModelRef model = evaluateAt(plan, dataset, done);
      return end(plan, RunStatus.SUCCEEDED, done, model.key());
    } catch (CanceledFailure e) {
      Workflow.newDetachedCancellationScope(() -> finish(plan, RunStatus.CANCELLED)).run();
      throw e;
    } catch (ActivityFailure | ApplicationFailure e) {
      finish(plan, RunStatus.FAILED);
      throw e;
    }
  }

  @Override
  public Progress progress() {
    return progress;
  }

  @Override
  public void cancel() {
    cancelRequested = true;
    if (chunkScope != null) {
      chunkScope.cancel("the run was cancelled");
    }
  }

  /** Trains chunk by chunk to the last iteration; returns the iterations done. */
  private long train(RunPlan plan, DatasetRef dataset, BatchesRef batches, PipelineSpec spec) {
    long done = 0;
    int chunks = 0;
    while (done < plan.iterations() && !cancelRequested) {
      progress = progress.withStage("train");
      ChunkOutcome chunk = trainChunk(new ChunkRequest(plan, dataset, batches, target(plan, done)));
      if (chunk == null) {
        break;
      }
      done = chunk.iterationsDone();
      progress = progress.withChunk(chunk);
      if (chunk.stopped()) {
        break;
      }
      if (plan.evaluateEvery() > 0
          && done % plan.evaluateEvery() == 0
          && done < plan.iterations()) {
        evaluateAt(plan, dataset, done);
      }
      if (++chunks >= CHUNKS_PER_EXECUTION && done < plan.iterations()) {
        Workflow.continueAsNew(SpecCodec.encode(spec));
      }
    }
    return done;
  }

  /** The end of the next chunk: a chunk never runs past an evaluation point or the end. */
  private static long target(RunPlan plan, long done) {
    long target = Math.min(plan.iterations(), done + plan.chunkIterations());
    if (plan.evaluateEvery() > 0) {
      target = Math.min(target, (done / plan.evaluateEvery() + 1) * plan.evaluateEvery());
    }
    return target;
  }

  /** Runs one chunk, retried as the policy allows; null when the run was cancelled. */
  private ChunkOutcome trainChunk(ChunkRequest request) {
    return attempts.run("train", () -> chunkOnce(request));
  }

  private ChunkOutcome chunkOnce(ChunkRequest request) {
    if (cancelRequested) {
      return null;
    }
    ChunkOutcome[] outcome = new ChunkOutcome[1];
    chunkScope = Workflow.newCancellationScope(() -> outcome[0] = training.trainChunk(request));
    try {
      chunkScope.run();
      return outcome[0];
    } catch (ActivityFailure e) {
      if (cancelRequested && e.getCause() instanceof CanceledFailure) {
        return null;
      }
      throw e;
    } finally {
      chunkScope = null;
    }
  }

  /**
   * Scores the net as initialised: a chunk with target 0 checkpoints it (or finds the run further
   * on, when the untrained net is scored already), and it is scored as iteration 0.
   */
  private void evaluateUntrained(RunPlan plan, DatasetRef dataset, BatchesRef batches) {
    progress = progress.withStage("train");
    ChunkOutcome start = trainChunk(new ChunkRequest(plan, dataset, batches, 0));
    if (start != null && start.iterationsDone() == 0) {
      evaluateAt(plan, dataset, 0);
    }
  }

  /** Exports the model of {@code iteration}, embeds the test split with it and scores it. */
  private ModelRef evaluateAt(RunPlan plan, DatasetRef dataset, long iteration) {
    ModelRef model = stage("export", () -> stages.exportModel(plan, dataset, iteration));
    EmbeddingsRef embeddings =
        stage("extract embeddings", () -> stages.extractEmbeddings(plan, dataset, model));
    EvaluationSummary summary = stage("evaluate", () -> stages.evaluate(plan, embeddings));
    progress = progress.withEvaluation(summary);
    return model;
  }

  private PipelineResult end(RunPlan plan, RunStatus status, long done, String modelKey) {
    finish(plan, status);
    progress = progress.withStage(status.name());
    return new PipelineResult(plan.runId(), status, done, modelKey, progress.evaluations());
  }

  private void finish(RunPlan plan, RunStatus status) {
    attempts.run(
        "record the run's end",
        () -> {
          stages.finishRun(plan, status);
          return status;
        });
  }

  private <T> T stage(String name, Supplier<T> activity) {
    progress = progress.withStage(name);
    return attempts.run(name, activity);
  }
}
