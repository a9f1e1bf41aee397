package org.rll.core.loss.baseline;

import java.util.List;
import org.rll.core.loss.MinedCounts;

/**
 * Which margin terms of a batch's triplets are non-zero (Eq. 4), as constant weights over the N x N
 * distances: {@link MarginLoss}'s loss is sum(positive * (D - beta_a + alpha)) + sum(negative *
 * (beta_a - D + alpha)) + sum(beta * beta_a), each weight already divided by the number of non-zero
 * terms.
 *
 * @param positive row-major N x N: entry (a, p) for each triplet whose positive term is non-zero
 * @param negative row-major N x N: entry (a, n) for each triplet whose negative term is non-zero,
 *     once per draw
 * @param beta per anchor: nu for each of its triplets, the regulariser's weight on beta_a
 * @param counts the non-zero positive and negative terms
 */
record MarginTerms(double[] positive, double[] negative, double[] beta, MinedCounts counts) {

  /**
   * The terms of {@code triplets} on {@code distances}, row a's boundary being {@code
   * anchorBetas[a]}.
   */
  static MarginTerms of(
      List<DistanceWeightedSampling.Triplet> triplets,
      double[][] distances,
      double[] anchorBetas,
      MarginLossConfig config) {
    int n = distances.length;
    double[] positive = new double[n * n];
    double[] negative = new double[n * n];
    double[] beta = new double[n];
    long positives = 0;
    long negatives = 0;
    for (DistanceWeightedSampling.Triplet t : triplets) {
      int a = t.anchor();
      if (config.margin() + distances[a][t.positive()] - anchorBetas[a] > 0) {
        positive[a * n + t.positive()]++;
        positives++;
      }
      if (config.margin() - distances[a][t.negative()] + anchorBetas[a] > 0) {
        negative[a * n + t.negative()]++;
        negatives++;
      }
      beta[a] += config.nu();
    }
    double scale = 1.0 / Math.max(positives + negatives, 1);
    for (double[] weights : List.of(positive, negative, beta)) {
      for (int k = 0; k < weights.length; k++) {
        weights[k] *= scale;
      }
    }
    return new MarginTerms(positive, negative, beta, new MinedCounts(positives, negatives));
  }
}
