package org.rll.core.loss.baseline;

import java.util.ArrayList;
import java.util.List;
import org.rll.core.random.SplitMix64;

/**
 * Distance weighted sampling (Wu et al. 2017, Sec. 4) on a batch's distances in Java doubles: for
 * each anchor a and each of its positives p, one negative n is drawn with probability proportional
 * to q(d_an)^-1, where
 *
 * <pre>
 * q(d) ∝ d^(n-2) (1 - d^2/4)^((n-3)/2)
 * </pre>
 *
 * is the density of the distance between two uniform points on the unit sphere in R^n (Eq. 3), n
 * the embedding dim. Distances are clipped below at the cut-off, which bounds the weights;
 * negatives at or beyond the non-zero-loss cut-off get weight 0 (Sec. 4 caps the weights with
 * lambda instead; the released code clips, as here). An anchor with no negative below that cut-off
 * draws uniformly among its negatives. Log weights are shifted by the anchor's largest before
 * exponentiating, so no weight overflows for any n.
 *
 * <p>The draw for (a, p) comes from {@code SplitMix64.derive(seed, stream, iteration, head, a, p)}:
 * it depends on where it is used only, so the vectorised loss and its reference, and a resumed run
 * and an uninterrupted one, draw the same negatives from the same distances.
 */
final class DistanceWeightedSampling {
  private static final long SAMPLING_STREAM = 0x6d617267696eL;

  private DistanceWeightedSampling() {}

  /** One sampled triplet: anchor, positive and negative, as row numbers of the batch. */
  record Triplet(int anchor, int positive, int negative) {}

  /**
   * The triplets of a batch with N x N {@code distances} and N {@code labels}, anchors in row order
   * and each anchor's positives in row order; an anchor without positives or without negatives has
   * none.
   */
  static List<Triplet> sample(
      double[][] distances,
      long[] labels,
      int dim,
      MarginLossConfig config,
      long seed,
      long iteration,
      int head) {
    List<Triplet> triplets = new ArrayList<>();
    for (int a = 0; a < labels.length; a++) {
      double[] weights = weights(distances[a], labels, a, dim, config);
      for (int p = 0; p < labels.length; p++) {
        if (p == a || labels[p] != labels[a]) {
          continue;
        }
        SplitMix64 random = SplitMix64.derive(seed, SAMPLING_STREAM, iteration, head, a, p);
        int negative = draw(weights, random);
        if (negative >= 0) {
          triplets.add(new Triplet(a, p, negative));
        }
      }
    }
    return triplets;
  }

  /**
   * The unnormalised sampling weight of each row for anchor {@code a}: q(d)^-1 up to a factor for
   * the negatives below the non-zero-loss cut-off, 0 elsewhere; 1 for every negative when none is
   * below it.
   */
  static double[] weights(
      double[] distances, long[] labels, int anchor, int dim, MarginLossConfig config) {
    double[] logWeights = new double[labels.length];
    double largest = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < labels.length; j++) {
      logWeights[j] = Double.NEGATIVE_INFINITY;
      if (labels[j] != labels[anchor] && distances[j] < config.nonzeroLossCutoff()) {
        double d = Math.max(distances[j], config.cutoff());
        logWeights[j] = (2.0 - dim) * Math.log(d) - (dim - 3.0) / 2 * Math.log(1 - d * d / 4);
        largest = Math.max(largest, logWeights[j]);
      }
    }
    double[] weights = new double[labels.length];
    for (int j = 0; j < labels.length; j++) {
      if (largest > Double.NEGATIVE_INFINITY) {
        weights[j] = Math.exp(logWeights[j] - largest);
      } else {
        weights[j] = labels[j] != labels[anchor] ? 1 : 0;
      }
    }
    return weights;
  }

  /** A row drawn with probability proportional to its weight; -1 when every weight is 0. */
  private static int draw(double[] weights, SplitMix64 random) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    if (total == 0) {
      return -1;
    }
    double target = random.nextDouble() * total;
    int last = -1;
    for (int j = 0; j < weights.length; j++) {
      if (weights[j] > 0) {
        last = j;
        target -= weights[j];
        if (target < 0) {
          return j;
        }
      }
    }
    // Rounding can leave a sliver of the total past the last cumulative sum.
    return last;
  }
}
