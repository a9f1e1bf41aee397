package org.rll.worker.demo;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.metrics.NormalizedMutualInformation;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.metrics.RetrievalEvaluator;
import org.rll.core.metrics.RetrievalResult;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import org.rll.core.synthetic.SyntheticClasses;

/**
 * The demo on the embedded default: a small embedding net trained with the Ranked List Loss on
 * class-balanced batches of synthetic classes, then scored on unseen classes before and after.
 *
 * <p>The class of a point lives in 8 of its 64 coordinates and the other 56 hold stronger noise, so
 * raw or untrained distances rank poorly and a metric must be learned; the test classes share the
 * signal subspace, so what is learned carries over to them.
 */
public final class SyntheticDemo {
  private static final int HIDDEN_UNITS = 128;
  private static final int EMBEDDING_DIM = 32;
  private static final double SIGNAL_NOISE = 0.35;
  private static final double NUISANCE = 0.8;
  private static final int LOG_EVERY = 50;

  private final DemoSettings settings;
  private final PrintStream out;

  /** A demo that reports its progress and results to {@code out}. */
  public SyntheticDemo(DemoSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /** Trains and scores; returns the test scores of the untrained and trained net. */
  public DemoScores[] run() throws IOException {
    int half = settings.classes() / 2 * settings.pointsPerClass();
    int[] labels = new int[2 * half];
    Arrays.setAll(labels, i -> i / settings.pointsPerClass());
    float[] points =
        SyntheticClasses.builder()
            .setLabels(labels)
            .setDim(DemoSettings.INPUT_DIM)
            .optSignalDim(DemoSettings.SIGNAL_DIM)
            .optNoise(SIGNAL_NOISE)
            .optNuisance(NUISANCE)
            .optSeed(settings.seed())
            .build()
            .values();
    int[] trainLabels = Arrays.copyOfRange(labels, 0, half);
    int[] testLabels = Arrays.copyOfRange(labels, half, 2 * half);
    BatchManifest manifest = manifest(trainLabels);

    Engine.getInstance().setRandomSeed((int) settings.seed());
    RankedListLoss loss = RankedListLoss.builder().build();
    try (NDManager manager = NDManager.newBaseManager();
        Model model = Model.newInstance("rll-demo")) {
      model.setBlock(embeddingNet());
      Shape rows = new Shape(half, DemoSettings.INPUT_DIM);
      NDArray train = manager.create(Arrays.copyOfRange(points, 0, points.length / 2), rows);
      NDArray test =
          manager.create(Arrays.copyOfRange(points, points.length / 2, points.length), rows);
      try (Trainer trainer = model.newTrainer(trainingConfig(loss))) {
        trainer.initialize(new Shape(manifest.header().batchSize(), DemoSettings.INPUT_DIM));
        DemoScores untrained = score(trainer, test, testLabels);
        long start = System.nanoTime();
        for (int t = 0; t < manifest.iterations(); t++) {
          int[] batch = manifest.batch(t);
          float value = step(trainer, loss, train, trainLabels, batch);
          if ((t + 1) % LOG_EVERY == 0 || t + 1 == manifest.iterations()) {
            logProgress(t + 1, value, loss.getLatestMinedCounts().get(0), batch.length, start);
          }
        }
        DemoScores trained = score(trainer, test, testLabels);
        printTable(untrained, trained);
        return new DemoScores[] {untrained, trained};
      }
    }
  }

  /** The class-balanced batches of the whole run, through the binary manifest and back. */
  private BatchManifest manifest(int[] trainLabels) throws IOException {
    BatchSamplerConfig config =
        BatchSamplerConfig.builder()
            .setSeed(settings.seed())
            .setIterations(settings.iterations())
            .optClassesPerBatch(settings.classesPerBatch())
            .optImagesPerClass(settings.imagesPerClass())
            .build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new BatchManifestWriter(new ClassBalancedSampler(config, trainLabels)).write(bytes);
    out.printf(
        Locale.ROOT,
        "batch manifest: %d iterations of %d classes x %d images, %d bytes%n",
        config.iterations(),
        config.classesPerBatch(),
        config.imagesPerClass(),
        bytes.size());
    return BatchManifest.read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static SequentialBlock embeddingNet() {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(HIDDEN_UNITS).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(EMBEDDING_DIM).build())
        .add(list -> new NDList(list.singletonOrThrow().normalize(2, 1)));
  }

  private DefaultTrainingConfig trainingConfig(RankedListLoss loss) {
    Optimizer sgd =
        Optimizer.sgd()
            .setLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
            .optMomentum(0.9f)
            .build();
    return new DefaultTrainingConfig(loss).optOptimizer(sgd);
  }

  private static float step(
      Trainer trainer, RankedListLoss loss, NDArray train, int[] trainLabels, int[] batch) {
    try (NDManager scope = train.getManager().newSubManager()) {
      NDArray indices = scope.create(batch);
      NDArray inputs = train.get(scope, new NDIndex("{}", indices));
      NDArray labels = scope.create(Arrays.stream(batch).map(i -> trainLabels[i]).toArray());
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray lossValue = loss.evaluate(new NDList(labels), trainer.forward(new NDList(inputs)));
        collector.backward(lossValue);
        value = lossValue.getFloat();
      }
      trainer.step();
      return value;
    }
  }

  private DemoScores score(Trainer trainer, NDArray test, int[] testLabels) {
    try (NDManager scope = test.getManager().newSubManager()) {
      NDArray embeddings = trainer.evaluate(new NDList(test)).singletonOrThrow();
      embeddings.attach(scope);
      RetrievalResult retrieval =
          new RetrievalEvaluator(RetrievalConfig.builder().build())
              .evaluate(embeddings, testLabels);
      double nmi = NormalizedMutualInformation.ofKMeans(embeddings, testLabels, settings.seed());
      return new DemoScores(retrieval.recallAtK(), retrieval.mapAtR(), nmi);
    }
  }

  private void logProgress(int done, float loss, MinedCounts mined, int batchSize, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "iteration %5d/%d  loss %.4f  mined +%d -%d  lr %.3g  %.0f points/s%n",
        done,
        settings.iterations(),
        loss,
        mined.positives(),
        mined.negatives(),
        settings.learningRate(),
        done * (double) batchSize / seconds);
  }

  private void printTable(DemoScores untrained, DemoScores trained) {
    out.printf(
        Locale.ROOT,
        "%nRecall@K, MAP@R and NMI (%%) on test classes %d-%d, unseen in training (%d points):%n",
        settings.classes() / 2,
        settings.classes() - 1,
        settings.classes() / 2 * settings.pointsPerClass());
    out.printf(Locale.ROOT, "%-10s%s%n", "", trained.header());
    out.printf(Locale.ROOT, "%-10s%s%n", "untrained", untrained.row());
    out.printf(Locale.ROOT, "%-10s%s%n", "trained", trained.row());
  }
}
