package org.rll.core.metrics;

import java.util.Arrays;
import org.rll.core.random.SplitMix64;

/**
 * Plain double-precision k-means with the documented rules of {@link KMeans}: exact squared
 * distances, sequential cumulative sums, first-index ties, means in doubles and the same stopping
 * and empty-cluster rules. Slow and obvious on purpose.
 */
final class KMeansNaiveReference {
  private KMeansNaiveReference() {}

  /** One restart's outcome. */
  record Run(int[] seeds, int[] assignments, double[][] centres, double inertia, int iterations) {}

  /** The best of {@code restarts} runs (lowest inertia, earliest on ties). */
  static Run fit(
      double[][] x, int k, long seed, int restarts, int maxIterations, double tolerance) {
    Run best = null;
    for (int restart = 0; restart < restarts; restart++) {
      Run run = restart(x, k, seed, restart, maxIterations, tolerance);
      if (best == null || run.inertia() < best.inertia()) {
        best = run;
      }
    }
    return best;
  }

  static Run restart(
      double[][] x, int k, long seed, int restart, int maxIterations, double tolerance) {
    int[] seeds = seeds(x, k, SplitMix64.derive(seed, restart));
    double[][] centres = new double[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = x[seeds[c]].clone();
    }
    Run run = lloyd(x, centres, maxIterations, tolerance);
    return new Run(seeds, run.assignments(), run.centres(), run.inertia(), run.iterations());
  }

  static int[] seeds(double[][] x, int k, SplitMix64 rng) {
    int n = x.length;
    int[] seeds = new int[k];
    seeds[0] = rng.nextInt(n);
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      nearest[i] = squaredDistance(x[i], x[seeds[0]]);
    }
    for (int c = 1; c < k; c++) {
      double[] cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += nearest[i];
        cumulative[i] = sum;
      }
      double threshold = cumulative[n - 1] * rng.nextDouble();
      int below = 0;
      for (int i = 0; i < n; i++) {
        if (cumulative[i] <= threshold) {
          below++;
        }
      }
      seeds[c] = Math.min(below, n - 1);
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], squaredDistance(x[i], x[seeds[c]]));
      }
    }
    return seeds;
  }

  static Run lloyd(double[][] x, double[][] centres, int maxIterations, double tolerance) {
    int n = x.length;
    int k = centres.length;
    int[] previous = null;
    double previousInertia = Double.NaN;
    for (int iteration = 1; ; iteration++) {
      int[] assignments = new int[n];
      double[] distances = new double[n];
      double inertia = 0;
      for (int i = 0; i < n; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double d = squaredDistance(x[i], centres[c]);
          if (d < best) {
            best = d;
            assignments[i] = c;
          }
        }
        distances[i] = best;
        inertia += best;
      }
      boolean converged =
          previous != null
              && (Arrays.equals(assignments, previous)
                  || Math.abs(previousInertia - inertia) <= tolerance * previousInertia);
      if (converged || iteration == maxIterations) {
        return new Run(null, assignments, centres, inertia, iteration);
      }
      centres = means(x, assignments, distances, k);
      previous = assignments;
      previousInertia = inertia;
    }
  }

  private static double[][] means(double[][] x, int[] assignments, double[] distances, int k) {
    int d = x[0].length;
    double[][] centres = new double[k][d];
    int[] counts = new int[k];
    for (int i = 0; i < x.length; i++) {
      counts[assignments[i]]++;
      for (int j = 0; j < d; j++) {
        centres[assignments[i]][j] += x[i][j];
      }
    }
    boolean[] used = new boolean[x.length];
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          centres[c][j] /= counts[c];
        }
        continue;
      }
      int farthest = -1;
      for (int i = 0; i < x.length; i++) {
        if (!used[i] && (farthest < 0 || distances[i] > distances[farthest])) {
          farthest = i;
        }
      }
      used[farthest] = true;
      centres[c] = x[farthest].clone();
    }
    return centres;
  }

  static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += (a[j] - b[j]) * (a[j] - b[j]);
    }
    return sum;
  }
}
