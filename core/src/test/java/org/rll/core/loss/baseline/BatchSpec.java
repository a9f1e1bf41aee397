package org.rll.core.loss.baseline;

import java.util.function.Predicate;
import org.rll.core.loss.LossFixtures;
import org.rll.core.random.SplitMix64;

/**
 * How the baseline losses' random test batches are drawn: n embeddings of dimension dim in {@code
 * classes} classes (labels i mod classes). Class centres share a common direction, so some
 * negatives come close; each embedding is its centre plus Gaussian noise of scale {@code noise},
 * normalised and then scaled to a norm drawn uniformly from [minNorm, maxNorm].
 */
record BatchSpec(int n, int classes, int dim, double noise, double minNorm, double maxNorm) {
  private static final int MAX_ATTEMPTS = 1000;

  /** Unit-norm embeddings, as an L2-normalising model produces. */
  static BatchSpec unit(int n, int classes, int dim, double noise) {
    return new BatchSpec(n, classes, dim, noise, 1, 1);
  }

  /** The first batch drawn from {@code seed} that {@code accept} takes; deterministic. */
  LossFixtures.Batch draw(long seed, Predicate<LossFixtures.Batch> accept) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SplitMix64 random = SplitMix64.derive(seed, n, classes, dim, attempt);
      double[] shared = gaussian(random, 1);
      double[][] centres = new double[classes][];
      for (int c = 0; c < classes; c++) {
        centres[c] = unitSum(shared, gaussian(random, 1));
      }
      double[][] embeddings = new double[n][];
      long[] labels = new long[n];
      for (int i = 0; i < n; i++) {
        labels[i] = i % classes;
        double norm = minNorm + (maxNorm - minNorm) * random.nextDouble();
        double[] row = unitSum(centres[(int) labels[i]], gaussian(random, noise));
        for (int k = 0; k < dim; k++) {
          row[k] *= norm;
        }
        embeddings[i] = row;
      }
      LossFixtures.Batch batch = new LossFixtures.Batch(embeddings, labels);
      if (accept.test(batch)) {
        return batch;
      }
    }
    throw new IllegalStateException("no acceptable batch in " + MAX_ATTEMPTS + " draws");
  }

  /** dim standard normal entries times scale / sqrt(dim), so the norm is about {@code scale}. */
  private double[] gaussian(SplitMix64 random, double scale) {
    double[] values = new double[dim];
    for (int k = 0; k < dim; k++) {
      values[k] = random.nextGaussian() * scale / Math.sqrt(dim);
    }
    return values;
  }

  /** (a + b) / ||a + b||. */
  private static double[] unitSum(double[] a, double[] b) {
    double[] sum = new double[a.length];
    double squaredNorm = 0;
    for (int k = 0; k < a.length; k++) {
      sum[k] = a[k] + b[k];
      squaredNorm += sum[k] * sum[k];
    }
    for (int k = 0; k < a.length; k++) {
      sum[k] /= Math.sqrt(squaredNorm);
    }
    return sum;
  }
}
