package org.rll.core.loss.baseline;

import java.util.Arrays;
import java.util.function.DoublePredicate;
import java.util.stream.IntStream;
import org.rll.core.loss.MinedCounts;

/**
 * The semi-hard or all-triplet loss of a batch as constant weights over its N x N distances, mined
 * in Java on the detached distances in O(N^2 log N) instead of N x N x N arrays. Given which
 * triplets are active, the loss is linear in the distances: triplet (a, p, n) adds d_ap - d_an +
 * alpha, so the loss is sum(weights * D) + constant, with weight (a, p) the number of active
 * triplets through that positive pair, minus at (a, n) the number through that negative pair, both
 * divided by the loss's divisor.
 *
 * @param weights row-major N x N, already divided by the divisor
 * @param constant alpha times the active triplets, divided by the divisor
 * @param counts the distinct (anchor, positive) and (anchor, negative) pairs of active triplets
 */
record TripletWeights(double[] weights, double constant, MinedCounts counts) {

  /**
   * FaceNet's semi-hard mining: every anchor-positive pair with the closest negative farther than
   * the positive, else the anchor's farthest negative (ties to the lowest index); divided by the
   * number of anchor-positive pairs.
   */
  static TripletWeights semihard(double[][] d, boolean[] positive, boolean[] negative, double m) {
    int n = d.length;
    double[] weights = new double[n * n];
    boolean[] usedNegative = new boolean[n * n];
    long pairs = 0;
    long activePairs = 0;
    for (int a = 0; a < n; a++) {
      int[] negatives = sortedByDistance(d[a], negative, a * n);
      double[] negativeDistances = distances(d[a], negatives);
      for (int p = 0; p < n; p++) {
        if (!positive[a * n + p]) {
          continue;
        }
        pairs++;
        int chosen = closestFartherOrFarthest(negatives, negativeDistances, d[a][p]);
        if (chosen >= 0 && d[a][p] - d[a][chosen] + m > 0) {
          activePairs++;
          weights[a * n + p]++;
          weights[a * n + chosen]--;
          usedNegative[a * n + chosen] = true;
        }
      }
    }
    long negatives = IntStream.range(0, n * n).filter(k -> usedNegative[k]).count();
    return divided(weights, m * activePairs, pairs, new MinedCounts(activePairs, negatives));
  }

  /**
   * Hermans et al.'s batch all: every triplet with d_ap - d_an + alpha &gt; 0, divided by their
   * number.
   */
  static TripletWeights all(double[][] d, boolean[] positive, boolean[] negative, double m) {
    int n = d.length;
    double[] weights = new double[n * n];
    long active = 0;
    long activePositives = 0;
    long activeNegatives = 0;
    for (int a = 0; a < n; a++) {
      double[] row = d[a];
      double[] negatives = distances(row, sortedByDistance(row, negative, a * n));
      double[] positives = distances(row, sortedByDistance(row, positive, a * n));
      for (int j = 0; j < n; j++) {
        if (positive[a * n + j]) {
          double dap = row[j];
          int through = firstFailing(negatives, x -> dap - x + m > 0);
          weights[a * n + j] += through;
          active += through;
          activePositives += through > 0 ? 1 : 0;
        } else if (negative[a * n + j]) {
          double dan = row[j];
          int through = positives.length - firstPassing(positives, x -> x - dan + m > 0);
          weights[a * n + j] -= through;
          activeNegatives += through > 0 ? 1 : 0;
        }
      }
    }
    return divided(weights, m * active, active, new MinedCounts(activePositives, activeNegatives));
  }

  private static TripletWeights divided(
      double[] weights, double constant, long divisor, MinedCounts counts) {
    double scale = 1.0 / Math.max(divisor, 1);
    for (int k = 0; k < weights.length; k++) {
      weights[k] *= scale;
    }
    return new TripletWeights(weights, constant * scale, counts);
  }

  /** The columns of {@code row} inside {@code mask} (offset by {@code from}), nearest first. */
  private static int[] sortedByDistance(double[] row, boolean[] mask, int from) {
    return IntStream.range(0, row.length)
        .filter(j -> mask[from + j])
        .boxed()
        .sorted((i, j) -> row[i] != row[j] ? Double.compare(row[i], row[j]) : Integer.compare(i, j))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double[] distances(double[] row, int[] columns) {
    return Arrays.stream(columns).mapToDouble(j -> row[j]).toArray();
  }

  /**
   * The nearest of the negatives {@code sorted} (their distances {@code sortedDistances}) strictly
   * farther than {@code positive}, else the farthest (the lowest index among equals); -1 when there
   * is no negative.
   */
  private static int closestFartherOrFarthest(
      int[] sorted, double[] sortedDistances, double positive) {
    if (sorted.length == 0) {
      return -1;
    }
    int first = firstPassing(sortedDistances, x -> x > positive);
    if (first < sorted.length) {
      return sorted[first];
    }
    double farthest = sortedDistances[sorted.length - 1];
    return sorted[firstPassing(sortedDistances, x -> x >= farthest)];
  }

  /**
   * The first index of ascending {@code values} where {@code test}, monotone false-then-true,
   * holds.
   */
  private static int firstPassing(double[] values, DoublePredicate test) {
    int low = 0;
    int high = values.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (test.test(values[mid])) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /**
   * The first index of ascending {@code values} where {@code test}, monotone true-then-false,
   * fails.
   */
  private static int firstFailing(double[] values, DoublePredicate test) {
    return firstPassing(values, x -> !test.test(x));
  }
}
