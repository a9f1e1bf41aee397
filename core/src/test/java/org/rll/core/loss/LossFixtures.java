package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.rll.core.random.SplitMix64;

/** Shared test inputs and a runner that evaluates a vectorised loss with autograd. */
public final class LossFixtures {
  /** No pair distance may lie this close to a mining boundary, so every mask is unambiguous. */
  public static final double BOUNDARY_GAP = 1e-5;

  private static final int MAX_ATTEMPTS = 1000;

  private LossFixtures() {}

  /** N unit-norm embeddings (rows) and their labels. */
  public record Batch(double[][] embeddings, long[] labels) {}

  /** Value, gradient (d loss / d embeddings) and counts as computed by the vectorised loss. */
  public record Outcome(double loss, double[][] gradient, MinedCounts counts) {}

  /**
   * A random batch of {@code n} unit vectors in {@code classes} classes (labels i mod classes)
   * whose distances straddle both boundaries of {@code config}: class centres share a common
   * direction so that some negatives fall inside alpha, and the spread inside a class puts some
   * positives beyond alpha - m. Redrawn (deterministically) until no distance is within {@link
   * #BOUNDARY_GAP} of a boundary and every kind of pair (non-trivial or trivial, positive or
   * negative) occurs; trivial positives only where alpha - m &gt; 0 allows them.
   */
  public static Batch clusteredBatch(
      long seed, int n, int classes, int dim, RankedListLossConfig config) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SplitMix64 random = SplitMix64.derive(seed, n, classes, dim, attempt);
      double[] shared = gaussian(random, dim, 1);
      double[][] centres = new double[classes][];
      for (int c = 0; c < classes; c++) {
        centres[c] = normalised(add(scaled(normalised(shared), 0.8), gaussian(random, dim, dim)));
      }
      double[][] embeddings = new double[n][];
      long[] labels = new long[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % classes;
        double[] noise = scaled(gaussian(random, dim, dim), 0.5);
        embeddings[i] = normalised(add(centres[(int) labels[i]], noise));
      }
      if (isWellConditioned(embeddings, labels, config)) {
        return new Batch(embeddings, labels);
      }
    }
    throw new IllegalStateException("no well-conditioned batch in " + MAX_ATTEMPTS + " draws");
  }

  /** The batch rounded to float32, as doubles, so a float32 run and the reference see one input. */
  public static Batch roundedToFloat(Batch batch) {
    double[][] rounded = new double[batch.embeddings().length][];
    for (int i = 0; i < rounded.length; i++) {
      rounded[i] = new double[batch.embeddings()[i].length];
      for (int k = 0; k < rounded[i].length; k++) {
        rounded[i][k] = (float) batch.embeddings()[i][k];
      }
    }
    return new Batch(rounded, batch.labels());
  }

  /** Runs {@link EmbeddingLoss#evaluateHead} in {@code dtype} and backpropagates its value. */
  public static Outcome run(EmbeddingLoss loss, Batch batch, DataType dtype) {
    return run(loss, batch, dtype, () -> {});
  }

  /**
   * As {@link #run(EmbeddingLoss, Batch, DataType)}, with {@code beforeBackward} run in between.
   */
  public static Outcome run(
      EmbeddingLoss loss, Batch batch, DataType dtype, Runnable beforeBackward) {
    int n = batch.embeddings().length;
    int dim = batch.embeddings()[0].length;
    double[] flat = new double[n * dim];
    for (int i = 0; i < n; i++) {
      System.arraycopy(batch.embeddings()[i], 0, flat, i * dim, dim);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = manager.create(flat, new Shape(n, dim)).toType(dtype, false);
      embeddings.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        HeadLoss head = loss.evaluateHead(manager.create(batch.labels()), embeddings);
        beforeBackward.run();
        collector.backward(head.loss());
        assertEquals(dtype, head.loss().getDataType(), "the loss keeps the input's dtype");
        assertEquals(dtype, embeddings.getGradient().getDataType());
        double value = head.loss().toType(DataType.FLOAT64, false).getDouble();
        double[] gradient =
            embeddings.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] rows = new double[n][dim];
        for (int i = 0; i < n; i++) {
          System.arraycopy(gradient, i * dim, rows[i], 0, dim);
        }
        return new Outcome(value, rows, head.counts());
      }
    }
  }

  /**
   * ||actual - expected||_F / ||expected||_F. Element-wise relative error is meaningless for the
   * many gradient entries that are sums of cancelling terms and lie near 0; the Frobenius ratio
   * measures the error against the gradient's own scale, which is what an SGD step sees.
   */
  public static double relativeError(double[][] actual, double[][] expected) {
    double error = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < expected[i].length; k++) {
        error += Math.pow(actual[i][k] - expected[i][k], 2);
        norm += Math.pow(expected[i][k], 2);
      }
    }
    return Math.sqrt(error / norm);
  }

  public static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(sum);
  }

  private static boolean isWellConditioned(
      double[][] embeddings, long[] labels, RankedListLossConfig config) {
    boolean[] seen = new boolean[4];
    for (int i = 0; i < embeddings.length; i++) {
      for (int j = 0; j < embeddings.length; j++) {
        if (i == j) {
          continue;
        }
        double d = distance(embeddings[i], embeddings[j]);
        if (Math.abs(d - config.alpha()) < BOUNDARY_GAP
            || Math.abs(d - config.positiveBoundary()) < BOUNDARY_GAP) {
          return false;
        }
        boolean positive = labels[i] == labels[j];
        boolean nonTrivial = positive ? d > config.positiveBoundary() : d < config.alpha();
        seen[(positive ? 2 : 0) + (nonTrivial ? 1 : 0)] = true;
      }
    }
    boolean trivialPositivesPossible = config.positiveBoundary() > 0;
    return seen[0] && seen[1] && (seen[2] || !trivialPositivesPossible) && seen[3];
  }

  /** Standard normal entries divided by sqrt(variance). */
  private static double[] gaussian(SplitMix64 random, int dim, double variance) {
    double[] values = new double[dim];
    for (int k = 0; k < dim; k++) {
      double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
      values[k] = radius * Math.cos(2 * Math.PI * random.nextDouble()) / Math.sqrt(variance);
    }
    return values;
  }

  private static double[] normalised(double[] v) {
    return scaled(v, 1 / Math.sqrt(dot(v, v)));
  }

  private static double[] scaled(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] * factor;
    }
    return out;
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k] + b[k];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }
}
