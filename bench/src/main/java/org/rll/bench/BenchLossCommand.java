package org.rll.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.rll.activities.resolve.LossResolver;
import org.rll.bench.synthetic.SyntheticClasses;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.GradientMode;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.NaiveRankedListLoss;
import org.rll.core.loss.RankedListLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench loss}: forward + backward of the vectorised ranked list loss in both gradient
 * modes, against the bare forward + backward of sum(F F^T), the N x N x d product the loss cannot
 * avoid, timed in the same run; the naive per-query Java reference is timed once beside them. With
 * {@code --type}, another loss of the spec at its paper's defaults is timed against the same
 * product instead.
 */
@Command(
    name = "loss",
    mixinStandardHelpOptions = true,
    description = "Times a loss (forward + backward) against sum(F x F^T).")
public final class BenchLossCommand implements Callable<Integer> {
  private static final int SIGNAL_DIM = 16;

  @Spec CommandSpec spec;

  @Option(names = "--batch", defaultValue = "180", description = "Batch size N (default 180).")
  int batch;

  @Option(names = "--dim", defaultValue = "512", description = "Embedding size d (default 512).")
  int dim;

  @Option(
      names = "--per-class",
      defaultValue = "3",
      description = "Images per class K; labels are i / K (default 3).")
  int perClass;

  @Option(names = "--iterations", defaultValue = "50", description = "Timed calls (default 50).")
  int iterations;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Untimed calls first (default 10).")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", description = "Embedding seed (default 1).")
  long seed;

  @Option(
      names = "--type",
      defaultValue = "ranked-list",
      description = "The spec's loss.type to time (default ranked-list).")
  String type;

  @Override
  public Integer call() {
    require(perClass >= 1, "--per-class must be >= 1, got %d", perClass);
    require(
        batch >= 2 * perClass,
        "--batch must hold two classes (>= %d), got %d",
        2 * perClass,
        batch);
    require(dim >= 1, "--dim must be >= 1, got %d", dim);
    require(iterations >= 1, "--iterations must be >= 1, got %d", iterations);
    require(warmup >= 0, "--warmup must be >= 0, got %d", warmup);
    require(
        LossResolver.typeNames().contains(type),
        "--type must be one of %s, got '%s'",
        String.join(", ", LossResolver.typeNames()),
        type);
    double[][] rows = clusteredUnitRows();
    long[] labelValues = new long[batch];
    Arrays.setAll(labelValues, i -> i / perClass);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = manager.create(flatten(rows), new Shape(batch, dim));
      NDArray labels = manager.create(labelValues);
      if (!type.equals("ranked-list")) {
        timeBaseline(BaselineLoss.of(type, manager, dim, labelValues, seed), embeddings, labels);
        return 0;
      }
      RankedListLoss constantGallery = RankedListLoss.builder().build();
      RankedListLoss fullAutograd =
          RankedListLoss.builder().optGradientMode(GradientMode.FULL_AUTOGRAD).build();
      printSetup("rll bench loss", embeddings, constantGallery.evaluateHead(labels, embeddings));

      List<UnaryOperator<NDArray>> variants =
          List.of(
              f -> f.matMul(f.transpose()).sum(),
              f -> constantGallery.evaluateHead(labels, f).loss(),
              f -> fullAutograd.evaluateHead(labels, f).loss());
      double[] medians = medianMillis(embeddings, variants);
      double baseline = medians[0];
      print("median of %d calls each, interleaved:", iterations);
      print("baseline sum(F F^T) fwd+bwd   %9.3f ms/call", baseline);
      print(
          "RLL CONSTANT_GALLERY fwd+bwd  %9.3f ms/call  %6.2fx baseline",
          medians[1], medians[1] / baseline);
      print(
          "RLL FULL_AUTOGRAD fwd+bwd     %9.3f ms/call  %6.2fx baseline",
          medians[2], medians[2] / baseline);

      long start = System.nanoTime();
      new NaiveRankedListLoss(constantGallery.getConfig()).evaluate(rows, labelValues);
      double naive = (System.nanoTime() - start) / 1e6;
      print(
          "naive Java reference, 1 call  %9.3f ms       %6.2fx baseline, %.1fx CONSTANT_GALLERY",
          naive, naive / baseline, naive / medians[1]);
    }
    return 0;
  }

  /** The first line: the setting, and one call's loss and mined counts. */
  private void printSetup(String title, NDArray embeddings, HeadLoss sample) {
    print(
        "%s: N %d (%d per class), d %d, %s on %s, %d calls after %d warm-up; loss %.4f,"
            + " mined %d positives, %d negatives",
        title,
        batch,
        perClass,
        dim,
        embeddings.getDataType(),
        embeddings.getDevice(),
        iterations,
        warmup,
        sample.loss().getFloat(),
        sample.counts().positives(),
        sample.counts().negatives());
  }

  private void timeBaseline(EmbeddingLoss loss, NDArray embeddings, NDArray labels) {
    printSetup(
        "rll bench loss --type " + type, embeddings, loss.evaluateHead(0, labels, embeddings));
    double[] medians =
        medianMillis(
            embeddings,
            List.of(
                f -> f.matMul(f.transpose()).sum(), f -> loss.evaluateHead(0, labels, f).loss()));
    print("median of %d calls each, interleaved:", iterations);
    print("baseline sum(F F^T) fwd+bwd   %9.3f ms/call", medians[0]);
    print(
        "%-29s %9.3f ms/call  %6.2fx baseline",
        type + " fwd+bwd", medians[1], medians[1] / medians[0]);
  }

  /**
   * Median wall time in ms of one forward + backward of each variant. The variants take turns call
   * by call, so load from other processes hits them alike; each call ends by reading the gradient's
   * sum, so asynchronous devices are measured to completion.
   */
  private double[] medianMillis(NDArray embeddings, List<UnaryOperator<NDArray>> variants) {
    long[][] nanos = new long[variants.size()][iterations];
    for (int call = 0; call < warmup + iterations; call++) {
      for (int v = 0; v < variants.size(); v++) {
        long elapsed = nanosPerCall(embeddings, variants.get(v));
        if (call >= warmup) {
          nanos[v][call - warmup] = elapsed;
        }
      }
    }
    double[] medians = new double[variants.size()];
    for (int v = 0; v < variants.size(); v++) {
      Arrays.sort(nanos[v]);
      medians[v] = (nanos[v][(iterations - 1) / 2] + nanos[v][iterations / 2]) / 2e6;
    }
    return medians;
  }

  private static long nanosPerCall(NDArray embeddings, UnaryOperator<NDArray> forward) {
    try (NDManager scope = NDManager.subManagerOf(embeddings)) {
      NDArray leaf = embeddings.duplicate();
      leaf.attach(scope);
      leaf.setRequiresGradient(true);
      long start = System.nanoTime();
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(forward.apply(leaf));
      }
      leaf.getGradient().sum().getFloat();
      return System.nanoTime() - start;
    }
  }

  /**
   * Unit rows whose classes differ in 16 coordinates and share weak noise in the rest: as in a
   * trained batch, both positive and negative pairs are mined, so every mask is exercised.
   */
  private double[][] clusteredUnitRows() {
    int[] labels = new int[batch];
    Arrays.setAll(labels, i -> i / perClass);
    float[] values =
        SyntheticClasses.builder()
            .setLabels(labels)
            .setDim(dim)
            .optSignalDim(Math.min(dim, SIGNAL_DIM))
            .optNoise(0.5)
            .optNuisance(0.05)
            .optNormalize(true)
            .optSeed(seed)
            .build()
            .values();
    double[][] rows = new double[batch][dim];
    for (int i = 0; i < batch; i++) {
      for (int k = 0; k < dim; k++) {
        rows[i][k] = values[i * dim + k];
      }
    }
    return rows;
  }

  private static float[] flatten(double[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < rows[i].length; k++) {
        flat[i * rows[i].length + k] = (float) rows[i][k];
      }
    }
    return flat;
  }

  private void require(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, format, args));
    }
  }

  private void print(String format, Object... args) {
    spec.commandLine().getOut().println(String.format(Locale.ROOT, format, args));
  }
}
