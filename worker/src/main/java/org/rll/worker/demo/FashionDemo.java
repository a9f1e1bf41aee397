package org.rll.worker.demo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.checkpoint.TrainingIdentity;
import org.rll.core.dataset.format.Split;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.BlobImageSource;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.train.EmbeddingTrainer;
import org.rll.core.train.TrainingChunk;

/**
 * The offline demo of the paper's method: the small conv net trained with the Ranked List Loss on
 * Fashion-MNIST's classes 0-4 and scored on classes 5-9, which it never sees, before and after.
 *
 * <p>Every artifact lives in a blob store under the work directory, as in a pipeline run: the
 * prepared dataset, the run's batch manifest and its checkpoints. The run is named by the hash of
 * everything that changes its result, so running the same settings again reuses the dataset and
 * resumes from the newest checkpoint, ending with the same parameters.
 */
public final class FashionDemo {
  private static final int CHECKPOINT_EVERY = 100;
  private static final int PROGRESS_LINES = 10;
  private static final double HEAD_LR_MULTIPLIER = 10;

  private final DemoSettings settings;
  private final PrintStream out;

  /** A demo that reports its progress and results to {@code out}. */
  public FashionDemo(DemoSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Prepares, trains and scores; returns the test scores of the untrained and trained net. */
  public DemoScores[] run() throws IOException {
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
    String run = "runs/demo-" + identity.configHash().substring(0, 16) + "/";
    BatchManifest batches = batchManifest(store, run, sampler, train.labels());
    ImageSource images = new BlobImageSource(store);
    TestScorer scorer = new TestScorer(test, images, settings.seed());

    Engine.getInstance().setRandomSeed((int) settings.seed());
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer =
            new EmbeddingTrainer(
                ModelConfig.demo().build(manager, settings.batchSize()), loss, sgd, manager)) {
      DemoScores untrained = scorer.score(trainer, manager);
      CheckpointStore checkpoints = new CheckpointStore(store, run);
      int first = resume(checkpoints, trainer, identity, store.describe(run));
      if (first < settings.iterations()) {
        TrainingChunk chunk =
            new TrainingChunk(trainer, checkpoints, identity, CHECKPOINT_EVERY, progressLog());
        train(chunk, first, train, images, batches, manager);
      }
      DemoScores trained = scorer.score(trainer, manager);
      printTable(test, untrained, trained);
      return new DemoScores[] {untrained, trained};
    }
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

  private ProgressLog progressLog() {
    return new ProgressLog(
        out,
        Math.max(1, settings.iterations() / PROGRESS_LINES),
        settings.iterations(),
        settings.batchSize());
  }

  /** Runs iterations {@code first} to the end and prints the throughput. */
  private void train(
      TrainingChunk chunk,
      int first,
      SplitImages train,
      ImageSource images,
      BatchManifest batches,
      NDManager manager) {
    long start = System.nanoTime();
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(train.keys())
            .setSource(images)
            .setTransform(ImageTransformConfig.grayscale28())
            .setSeed(settings.seed())
            .setBatches(batches::batch)
            .setIterations(first, settings.iterations())
            .build()) {
      chunk.run(loader, train.labels(), manager, () -> false);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int iterations = settings.iterations() - first;
    out.printf(
        Locale.ROOT,
        "trained %d iterations in %.1f s, %.0f images/s%n",
        iterations,
        seconds,
        iterations * (double) settings.batchSize() / seconds);
  }

  /** The run's batches, written to the store on its first run and read back from it. */
  private BatchManifest batchManifest(
      BlobStore store, String run, BatchSamplerConfig config, int[] labels) throws IOException {
    String key = run + "manifest/batches.bin";
    if (!store.exists(key)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      new BatchManifestWriter(new ClassBalancedSampler(config, labels)).write(bytes);
      store.put(key, bytes.toByteArray());
    }
    out.printf(
        Locale.ROOT,
        "batch manifest: %d iterations of %d classes x %d images, %s%n",
        config.iterations(),
        config.classesPerBatch(),
        config.imagesPerClass(),
        store.describe(key));
    return BatchManifest.read(new ByteArrayInputStream(store.readAllBytes(key)));
  }

  /** Restores the newest checkpoint of the run, if any; returns the first iteration to run. */
  private int resume(
      CheckpointStore checkpoints, EmbeddingTrainer trainer, TrainingIdentity identity, String at) {
    Optional<CheckpointMeta> newest = checkpoints.newest();
    if (newest.isEmpty()) {
      out.printf(Locale.ROOT, "training from scratch, checkpoints in %s%n", at);
      return 0;
    }
    checkpoints.restore(newest.get(), trainer.parameters(), trainer.optimizer(), identity);
    out.printf(Locale.ROOT, "resumed from checkpoint %d of %s%n", newest.get().iteration(), at);
    return (int) newest.get().iteration();
  }

  private void printTable(SplitImages test, DemoScores untrained, DemoScores trained) {
    out.printf(
        Locale.ROOT,
        "%nRecall@K, MAP@R and NMI (%%) on test classes %d-%d, unseen in training (%d images):%n",
        test.firstClass(),
        test.lastClass(),
        test.size());
    out.printf(Locale.ROOT, "%-10s%s%n", "", trained.header());
    out.printf(Locale.ROOT, "%-10s%s%n", "untrained", untrained.row());
    out.printf(Locale.ROOT, "%-10s%s%n", "trained", trained.row());
  }
}
