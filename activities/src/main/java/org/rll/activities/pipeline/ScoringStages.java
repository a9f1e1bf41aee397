package org.rll.activities.pipeline;

import ai.djl.ndarray.NDManager;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Comparator;
import java.util.List;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.Heartbeats;
import org.rll.activities.resolve.RunData;
import org.rll.activities.resolve.RunSettings;
import org.rll.activities.resolve.SpecResolver;
import org.rll.activities.results.MetricRows;
import org.rll.activities.training.RunModel;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.evaluate.EmbeddingEvaluation;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.export.ExportMetadata;
import org.rll.core.export.ExportSpec;
import org.rll.core.export.OnnxEmbedder;
import org.rll.core.export.OnnxExport;
import org.rll.core.export.OnnxExporter;
import org.rll.core.extract.EmbeddingExtractor;
import org.rll.core.image.ImageBatch;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.db.MetricRow;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.EmbeddingsRef;
import org.rll.workflows.stages.EvaluationSummary;
import org.rll.workflows.stages.MetricValue;
import org.rll.workflows.stages.ModelRef;
import org.rll.workflows.stages.RunPlan;

/**
 * The last three stages: a checkpoint to a checked ONNX model, the test split through that model
 * into stored embedding shards, and their scores in the results database.
 */
final class ScoringStages {
  private final ActivityEnvironment env;

  ScoringStages(ActivityEnvironment env) {
    this.env = env;
  }

  /**
   * Exports the checkpoint of {@code iteration} to {@code <run>model-<iteration>.onnx}, checked by
   * ONNX Runtime on the first test images; the run's last iteration also goes to {@code
   * <run>model.onnx}, whose key is returned then.
   */
  ModelRef export(RunPlan plan, DatasetRef dataset, long iteration) {
    String key =
        plan.runPrefix()
            + (iteration == plan.iterations() ? "model" : "model-" + iteration)
            + ".onnx";
    if (env.store().exists(key)) {
      return exported(key, iteration);
    }
    RunSettings settings = SpecResolver.resolve(plan.spec());
    RunData data = RunData.read(env.store(), dataset);
    ImageBatch check = data.firstTestImages(settings, settings.checkImages());
    CheckpointStore checkpoints = new CheckpointStore(env.store(), plan.runPrefix());
    try (RunModel run = RunModel.restored(settings, data, checkpoints, iteration)) {
      ExportSpec spec =
          ExportSpec.builder()
              .setModel(settings.model())
              .setTransform(settings.testTransform())
              .setRunId(plan.runId())
              .setCheckpointIteration(iteration)
              .setConfigHash(plan.configHash())
              .optTolerance(settings.exportTolerance())
              .build();
      OnnxExport export = OnnxExporter.export(run.model(), spec, check.values(), check.shape());
      export.writeTo(env.store(), plan.runPrefix() + "model-" + iteration + ".onnx");
      if (iteration == plan.iterations()) {
        export.writeTo(env.store(), key);
      }
      return new ModelRef(key, iteration, export.parity().worst());
    }
  }

  /** A model exported before (and so checked then), with the parity its metadata records. */
  private ModelRef exported(String key, long iteration) {
    try (OnnxEmbedder onnx = OnnxEmbedder.open(env.store().readAllBytes(key))) {
      double worst =
          onnx.metadata().entrySet().stream()
              .filter(e -> e.getKey().startsWith(ExportMetadata.PARITY_MAX_ABS_DIFF))
              .mapToDouble(e -> Double.parseDouble(e.getValue()))
              .max()
              .orElseThrow(
                  () -> new CorruptDataException("the ONNX model " + key + " records no parity"));
      return new ModelRef(key, iteration, worst);
    }
  }

  /** Embeds the test split under {@code <run>embeddings-<iteration>/}, keeping complete shards. */
  EmbeddingsRef extract(RunPlan plan, DatasetRef dataset, ModelRef model) {
    RunSettings settings = SpecResolver.resolve(plan.spec());
    RunData data = RunData.read(env.store(), dataset);
    ActivityExecutionContext context = Activity.getExecutionContext();
    String prefix = plan.runPrefix() + "embeddings-" + model.iteration() + "/";
    try (OnnxEmbedder onnx = OnnxEmbedder.open(env.store().readAllBytes(model.key()))) {
      EmbeddingExtractor.builder()
          .setStore(env.store())
          .setImages(data.test().keys(), data.test().labels())
          .setSource(data.images())
          .setTransform(settings.testTransform())
          .setEmbedder(onnx)
          .setPrefix(prefix)
          .optIdentity(plan.configHash() + " iteration " + model.iteration())
          .optProgress((done, count) -> context.heartbeat(done))
          .build()
          .extract();
    }
    return new EmbeddingsRef(prefix, model.iteration(), data.test().size());
  }

  /** Recall@K, NMI and MAP@R of every stored output, upserted at the embeddings' iteration. */
  EvaluationSummary evaluate(RunPlan plan, EmbeddingsRef embeddings) throws Exception {
    List<MetricRow> stored =
        env.results().metrics(plan.runId()).stream()
            .filter(m -> m.checkpointIteration() == embeddings.iteration())
            .toList();
    if (!stored.isEmpty()) {
      return summary(embeddings.iteration(), stored);
    }
    RunSettings settings = SpecResolver.resolve(plan.spec());
    RetrievalConfig retrieval =
        RetrievalConfig.builder()
            .optKs(settings.ks().stream().mapToInt(Integer::intValue).toArray())
            .build();
    EvaluationReport report;
    try (NDManager manager = NDManager.newBaseManager()) {
      report =
          Heartbeats.during(
              Activity.getExecutionContext(),
              "scoring",
              () ->
                  new EmbeddingEvaluation(retrieval, settings.nmiSeed())
                      .evaluate(env.store(), embeddings.prefix(), manager));
    }
    List<MetricRow> rows = MetricRows.of(plan.runId(), embeddings.iteration(), report);
    env.results().upsertMetrics(rows);
    return summary(embeddings.iteration(), rows);
  }

  /** The rows as a summary, in one order whether they were just computed or read back. */
  private static EvaluationSummary summary(long iteration, List<MetricRow> rows) {
    return new EvaluationSummary(
        iteration,
        rows.stream()
            .sorted(
                Comparator.comparing(MetricRow::head)
                    .thenComparing(MetricRow::metric)
                    .thenComparingInt(MetricRow::k))
            .map(r -> new MetricValue(r.head(), r.metric(), r.k(), r.value()))
            .toList());
  }
}
