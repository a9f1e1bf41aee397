package org.rll.workstation.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCanceledException;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.sweep.SweepActivitiesImpl;
import org.rll.db.CheckpointRow;
import org.rll.db.MetricRow;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;
import org.rll.worker.Activities;
import org.rll.workflows.RunStatus;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.stages.BatchesRef;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.EmbeddingsRef;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.MetricValue;
import org.rll.workflows.stages.ModelRef;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.RunPlan;
import org.rll.workflows.stages.TrainingActivities;

/**
 * Stand-ins for the pipeline's activities that keep the CLI's contract without any ML: the plan
 * records the run's row, training sleeps {@code millisPerIteration} per iteration and writes a
 * checkpoint marker to the store and a row to the database after each, and a later chunk starts at
 * the newest marker, as the real training does. Source {@code bad:...} fails the plan for good.
 */
public final class FakeActivities implements PipelineActivities, TrainingActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActivityEnvironment environment;
  private final long millisPerIteration;

  /** Every {@code plan} call as {@code <run>/<workflow>}. */
  final List<String> plans = new CopyOnWriteArrayList<>();

  /** Every training chunk as {@code <run>@<first iteration>}. */
  final List<String> chunkStarts = new CopyOnWriteArrayList<>();

  public FakeActivities(ActivityEnvironment environment, long millisPerIteration) {
    this.environment = environment;
    this.millisPerIteration = millisPerIteration;
  }

  public Activities activities() {
    return new Activities(this, new SweepActivitiesImpl(environment), this);
  }

  @Override
  public RunPlan plan(String runId, String workflowId, PipelineSpec spec) {
    plans.add(runId + "/" + workflowId);
    if (spec.dataset().source().startsWith("bad:")) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unknown dataset source scheme: " + spec.dataset().source(), "ValidationException");
    }
    Instant now = environment.clock().instant();
    try {
      environment
          .results()
          .upsertRun(
              new RunRow(
                  runId,
                  workflowId,
                  "fake",
                  JSON.writeValueAsString(spec),
                  "hash",
                  RunStatus.RUNNING,
                  now,
                  now));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    long iterations =
        Optional.ofNullable(spec.training()).map(t -> t.iterations()).orElse(20).longValue();
    return new RunPlan(runId, workflowId, spec, "hash", "runs/" + runId + "/", iterations, 10, 0);
  }

  @Override
  public DatasetRef prepareDataset(RunPlan plan) {
    return new DatasetRef("datasets/fake/", "fake", 10, 2, 10, 2);
  }

  @Override
  public BatchesRef buildBatchManifest(RunPlan plan, DatasetRef dataset) {
    return new BatchesRef(plan.runPrefix() + "manifest/batches.bin", plan.iterations());
  }

  @Override
  public ChunkOutcome trainChunk(ChunkRequest request) {
    RunPlan plan = request.plan();
    long done = newestCheckpoint(plan);
    chunkStarts.add(plan.runId() + "@" + done);
    boolean stopped = false;
    while (done < request.targetIteration() && !stopped) {
      sleep();
      done++;
      checkpoint(plan, done);
      try {
        Activity.getExecutionContext().heartbeat(done);
      } catch (ActivityCanceledException e) {
        stopped = true;
      }
    }
    return new ChunkOutcome(done, checkpointKey(plan, done), stopped, 1.0 / (1 + done), 900);
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
    List<MetricValue> metrics =
        List.of(new MetricValue("H", "recall", 1, 0.875), new MetricValue("H", "nmi", 0, 0.5));
    environment
        .results()
        .upsertMetrics(
            metrics.stream()
                .map(
                    m ->
                        new MetricRow(
                            plan.runId(),
                            embeddings.iteration(),
                            m.head(),
                            m.metric(),
                            m.k(),
                            m.value()))
                .toList());
    return new EvaluationSummary(embeddings.iteration(), metrics);
  }

  @Override
  public void finishRun(RunPlan plan, RunStatus status) {
    environment.results().updateStatus(plan.runId(), status, environment.clock().instant());
  }

  private long newestCheckpoint(RunPlan plan) {
    return environment.store().list(plan.runPrefix() + "checkpoints/").stream()
        .map(key -> key.substring((plan.runPrefix() + "checkpoints/").length()).split("/")[0])
        .mapToLong(Long::parseLong)
        .max()
        .orElse(0);
  }

  private void checkpoint(RunPlan plan, long iteration) {
    String key = checkpointKey(plan, iteration);
    environment.store().put(key + "meta.json", "{}".getBytes(StandardCharsets.UTF_8));
    environment
        .results()
        .recordCheckpoint(
            new CheckpointRow(plan.runId(), iteration, key, "hash", environment.clock().instant()));
    environment
        .results()
        .appendTrainingLog(
            List.of(
                new TrainingLogRow(
                    plan.runId(), iteration, 1.0 / (1 + iteration), 3, 40, 0.01, 900)));
  }

  private static String checkpointKey(RunPlan plan, long iteration) {
    return plan.runPrefix() + "checkpoints/" + iteration + "/";
  }

  private void sleep() {
    try {
      Thread.sleep(millisPerIteration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
