package org.rll.worker.demo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rll.activities.results.MetricRows;
import org.rll.activities.results.TrainingRecorder;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.SplitImages;
import org.rll.core.embed.ModelEmbedder;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.export.ExportSpec;
import org.rll.core.export.OnnxEmbedder;
import org.rll.core.export.OnnxExport;
import org.rll.core.export.OnnxExporter;
import org.rll.core.image.BlobImageSource;
import org.rll.core.image.ImageBatch;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.train.EmbeddingTrainer;
import org.rll.core.train.TrainingListener;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.RunStatus;
import org.rll.worker.results.ResultsFormat;
import org.rll.worker.results.ResultsTable;

/**
 * The offline demo of the paper's method, through every stage of the pipeline: the small conv net
 * trained with the Ranked List Loss on Fashion-MNIST's classes 0-4, exported to ONNX and checked
 * against the trained net, and scored on classes 5-9, which it never sees, from embeddings the ONNX
 * model extracts. The untrained net is scored too, as checkpoint iteration 0.
 *
 * <p>Every artifact lives in a blob store under the work directory, as in a pipeline run, and the
 * run, its training log, checkpoints and metrics go to the results database. The run is named by
 * the hash of everything that changes its result, so running the same settings again reuses the
 * dataset, resumes from the newest checkpoint and reuses stored embeddings.
 */
public final class FashionDemo {
  private static final int PROGRESS_LINES = 10;
  private static final double HEAD_LR_MULTIPLIER = 10;
  private static final int CHECK_IMAGES = 64;

  private final DemoSettings settings;
  private final ResultsRepository results;
  private final PrintStream out;

  /** A demo that records its run in {@code results} and reports to {@code out}. */
  public FashionDemo(DemoSettings settings, ResultsRepository results, PrintStream out) {
    this.settings = settings;
    this.results = results;
    this.out = out;
  }

  /** Runs every stage; returns the test scores of the untrained and the trained net. */
  public EvaluationReport[] run() throws IOException {
    BlobStore store = new FileSystemBlobStore(settings.workDir().resolve("store"));
    DemoDataset.Prepared data = new DemoDataset(settings, store, out).prepare();
    SplitImages train = SplitImages.of(data.manifest(), Split.TRAIN, settings.maxImages());
    SplitImages test = SplitImages.of(data.manifest(), Split.TEST, settings.maxImages());
    BatchSamplerConfig sampler =
        BatchSamplerConfig.builder()
            .setSeed(settings.seed())
            .setIterations(settings.iterations())
            .optClassesPerBatch(settings.classesPerBatch())
            .optImagesPerClass(settings.imagesPerClass())
            .build();
    RankedListLoss loss = RankedListLoss.builder().build();
    SgdConfig sgd =
        SgdConfig.builder()
            .setSchedule(LrSchedule.constant(settings.learningRate()))
            .optLrMultiplier("embed_", HEAD_LR_MULTIPLIER)
            .build();
    TrainingIdentity identity = identity(loss, sampler, sgd, data.manifestKey());
    String runId = "demo-" + identity.configHash().substring(0, 16);
    String run = "runs/" + runId + "/";
    RunRow row = runRow(runId, identity);
    results.upsertRun(row);
    DemoTraining training = new DemoTraining(settings, store, run, out);
    BatchManifest batches = training.batchManifest(sampler, train.labels());
    ImageSource images = new BlobImageSource(store);
    TestEvaluation evaluation = new TestEvaluation(store, test, images, settings.seed(), out);

    Engine.getInstance().setRandomSeed((int) settings.seed());
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = ModelConfig.demo().build(manager, settings.batchSize());
      try (EmbeddingTrainer trainer = new EmbeddingTrainer(model, loss, sgd, manager)) {
        EvaluationReport untrained;
        try (ModelEmbedder embedder = new ModelEmbedder(model, manager)) {
          untrained = evaluation.run(embedder, run + "untrained/", "untrained net");
        }
        results.upsertMetrics(MetricRows.of(runId, 0, untrained));
        TrainingRecorder recorder =
            new TrainingRecorder(results, runId, training.checkpoints(), Clock.systemUTC());
        training.train(
            trainer,
            identity,
            train,
            images,
            batches,
            TrainingListener.all(progressLog(), recorder),
            manager);
        OnnxExport export =
            export(model, runId, identity, evaluation.firstImages(CHECK_IMAGES), store, run);
        EvaluationReport trained;
        try (OnnxEmbedder onnx = OnnxEmbedder.open(export.bytes())) {
          trained = evaluation.run(onnx, run, "ONNX model of iteration " + settings.iterations());
        }
        results.upsertMetrics(MetricRows.of(runId, settings.iterations(), trained));
        results.updateStatus(runId, RunStatus.SUCCEEDED, Clock.systemUTC().instant());
        printResults(row, test);
        return new EvaluationReport[] {untrained, trained};
      }
    }
  }

  /** Exports the trained net, checked against it on real test images, to the store and a file. */
  private OnnxExport export(
      EmbeddingModel model,
      String runId,
      TrainingIdentity identity,
      ImageBatch check,
      BlobStore store,
      String run) {
    ExportSpec spec =
        ExportSpec.builder()
            .setModel(ModelConfig.demo())
            .setTransform(ImageTransformConfig.grayscale28())
            .setRunId(runId)
            .setCheckpointIteration(settings.iterations())
            .setConfigHash(identity.configHash())
            .build();
    OnnxExport export = OnnxExporter.export(model, spec, check.values(), check.shape());
    export.writeTo(store, run + "model.onnx");
    export.writeTo(settings.workDir().resolve("model.onnx"));
    out.printf(
        Locale.ROOT,
        "ONNX model: %s (also %s); ONNX Runtime matches the net to %.1e on %d test images%n",
        settings.workDir().resolve("model.onnx"),
        store.describe(run + "model.onnx"),
        export.parity().worst(),
        export.parity().batchSize());
    return export;
  }

  /** The canonical text of every setting that changes the result, and the dataset's hash. */
  private TrainingIdentity identity(
      RankedListLoss loss, BatchSamplerConfig sampler, SgdConfig sgd, String manifestKey) {
    return new TrainingIdentity(
        String.join(
            "|",
            ModelConfig.demo().toString(),
            "init seed " + settings.seed(),
            loss.getConfig().toString(),
            sampler.toString(),
            sgd.toString(),
            ImageTransformConfig.grayscale28().toString(),
            manifestKey,
            "max images " + settings.maxImages()));
  }

  private RunRow runRow(String runId, TrainingIdentity identity) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("dataset", settings.fullSet() ? "fashion-mnist (70,000)" : "fashion-mnist (10,000)");
    spec.put("model", ModelConfig.demo().toString());
    spec.put("iterations", settings.iterations());
    spec.put("classes_per_batch", settings.classesPerBatch());
    spec.put("images_per_class", settings.imagesPerClass());
    spec.put("learning_rate", settings.learningRate());
    spec.put("seed", settings.seed());
    spec.put("max_images", settings.maxImages());
    Instant now = Clock.systemUTC().instant();
    return new RunRow(
        runId,
        null,
        "fashion-mnist",
        new Gson().toJson(spec),
        identity.configHash(),
        RunStatus.RUNNING,
        now,
        now);
  }

  private ProgressLog progressLog() {
    return new ProgressLog(
        out,
        Math.max(1, settings.iterations() / PROGRESS_LINES),
        settings.iterations(),
        settings.batchSize());
  }

  private void printResults(RunRow row, SplitImages test) {
    out.printf(
        Locale.ROOT,
        "%nRecall@K, NMI and MAP@R (%%) on test classes %d-%d, unseen in training (%d images);"
            + " iteration 0 is the untrained net:%n",
        test.firstClass(),
        test.lastClass(),
        test.size());
    ResultsTable table = ResultsTable.of(List.of(row), results.metrics(row.runId()), true);
    out.print(ResultsFormat.TABLE.write(table));
  }
}
