package org.rll.activities.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.Failures;
import org.rll.activities.Heartbeats;
import org.rll.activities.resolve.RunData;
import org.rll.activities.resolve.RunSettings;
import org.rll.activities.resolve.SpecResolver;
import org.rll.core.dataset.DatasetPreparation;
import org.rll.core.dataset.archive.ExtractionLimits;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.RetryPolicy;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.PreparedDataset;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.db.RunRow;
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
 * The CPU stages of the pipeline over an {@link ActivityEnvironment}. Every stage resolves the
 * run's spec again ({@link SpecResolver}), finds its output when it already exists, and maps its
 * failures through {@link Failures}. Export, extraction and evaluation live in {@link
 * ScoringStages}.
 */
public final class PipelineActivitiesImpl implements PipelineActivities {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ActivityEnvironment env;
  private final ScoringStages scoring;

  /** The stages over {@code env}. */
  public PipelineActivitiesImpl(ActivityEnvironment env) {
    this.env = env;
    this.scoring = new ScoringStages(env);
  }

  @Override
  public RunPlan plan(String runId, String workflowId, PipelineSpec spec) {
    return Failures.call(
        () -> {
          ValidationException.check(
              runId != null && RUN_ID.matcher(runId).matches(),
              "runId must be 1-128 letters, digits, '.', '_' or '-' starting with a letter or"
                  + " digit, got '%s'",
              runId);
          RunSettings settings = SpecResolver.resolve(spec);
          String hash = settings.identity().configHash();
          Optional<RunRow> earlier = env.results().run(runId);
          earlier.ifPresent(
              row ->
                  ValidationException.check(
                      hash.equals(row.configHash()),
                      "run %s exists with another config (hash %s, this spec's is %s); start"
                          + " the changed spec under a new runId",
                      runId,
                      row.configHash(),
                      hash));
          Instant now = env.clock().instant();
          env.results()
              .upsertRun(
                  new RunRow(
                      runId,
                      workflowId,
                      settings.dataset().format().id(),
                      JSON.writeValueAsString(spec.withRunId(runId)),
                      hash,
                      RunStatus.RUNNING,
                      earlier.map(RunRow::createdAt).orElse(now),
                      now));
          return new RunPlan(
              runId,
              workflowId,
              spec,
              hash,
              "runs/" + runId + "/",
              settings.iterations(),
              settings.chunkIterations(),
              settings.evaluateEvery());
        });
  }

  @Override
  public DatasetRef prepareDataset(RunPlan plan) {
    return Failures.call(
        () -> {
          RunSettings settings = SpecResolver.resolve(plan.spec());
          ActivityExecutionContext context = Activity.getExecutionContext();
          DatasetFetcher fetcher =
              new DatasetFetcher(
                  env.sources(), env.scratch().resolve("spool"), RetryPolicy.defaults());
          DatasetPreparation preparation =
              new DatasetPreparation(
                  fetcher,
                  env.store(),
                  env.scratch(),
                  ExtractionLimits.DEFAULTS,
                  Runtime.getRuntime().availableProcessors());
          PreparedDataset prepared =
              Heartbeats.during(
                  context,
                  "preparing",
                  () ->
                      preparation.prepare(
                          settings.dataset(),
                          (bytes, total) -> context.heartbeat("downloaded " + bytes + " bytes")));
          String key = prepared.manifestKey();
          return new DatasetRef(
              key.substring(0, key.length() - RunData.MANIFEST.length()),
              settings.dataset().format().id(),
              prepared.counts(Split.TRAIN).images(),
              prepared.counts(Split.TRAIN).classes(),
              prepared.counts(Split.TEST).images(),
              prepared.counts(Split.TEST).classes());
        });
  }

  @Override
  public BatchesRef buildBatchManifest(RunPlan plan, DatasetRef dataset) {
    return Failures.call(
        () -> {
          RunSettings settings = SpecResolver.resolve(plan.spec());
          String key = plan.runPrefix() + "manifest/batches.bin";
          if (!env.store().exists(key)) {
            RunData data = RunData.read(env.store(), dataset);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new BatchManifestWriter(
                    new ClassBalancedSampler(settings.sampler(), data.train().labels()))
                .write(bytes);
            env.store().put(key, bytes.toByteArray());
          }
          return new BatchesRef(key, settings.iterations());
        });
  }

  @Override
  public ModelRef exportModel(RunPlan plan, DatasetRef dataset, long iteration) {
    return Failures.call(() -> scoring.export(plan, dataset, iteration));
  }

  @Override
  public EmbeddingsRef extractEmbeddings(RunPlan plan, DatasetRef dataset, ModelRef model) {
    return Failures.call(() -> scoring.extract(plan, dataset, model));
  }

  @Override
  public EvaluationSummary evaluate(RunPlan plan, EmbeddingsRef embeddings) {
    return Failures.call(() -> scoring.evaluate(plan, embeddings));
  }

  @Override
  public void finishRun(RunPlan plan, RunStatus status) {
    Failures.run(
        () -> {
          ValidationException.check(
              status != null && status.ended(),
              "a run ends SUCCEEDED, FAILED or CANCELLED, not %s",
              status);
          env.results().updateStatus(plan.runId(), status, env.clock().instant());
        });
  }
}
