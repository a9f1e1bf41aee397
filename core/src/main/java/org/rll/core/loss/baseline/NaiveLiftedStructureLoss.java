package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * The lifted structure loss (Song et al. 2016, Eq. 4) written plainly: one unordered positive pair
 * at a time in Java doubles, with distances taken directly and plain exp and log. The reference
 * {@link LiftedStructureLoss} is tested against; O(N^3 d) per call.
 */
public final class NaiveLiftedStructureLoss {
  private final LiftedStructureLossConfig config;

  /** A reference for this margin. */
  public NaiveLiftedStructureLoss(LiftedStructureLossConfig config) {
    this.config = config;
  }

  /** The loss and the pairs it counts, as defined in {@link LiftedStructureLoss}. */
  public record Result(double loss, MinedCounts counts) {}

  /** Loss and counts of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    ReferenceAnchorPairs batch = new ReferenceAnchorPairs(embeddings, labels);
    batch.requirePositivePair();
    int n = batch.size();
    boolean[] anchorActive = new boolean[n];
    double squaredHingeSum = 0;
    long unorderedPairs = 0;
    long activePairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!batch.isPositive(i, j)) {
          continue;
        }
        double term =
            Math.log(negativeExpSum(batch, i) + negativeExpSum(batch, j)) + batch.distance(i, j);
        unorderedPairs++;
        if (term > 0) {
          squaredHingeSum += term * term;
          activePairs++;
          anchorActive[i] = true;
          anchorActive[j] = true;
        }
      }
    }
    long negatives = 0;
    for (int i = 0; i < n; i++) {
      negatives += anchorActive[i] ? batch.negativeCount(i) : 0;
    }
    return new Result(
        squaredHingeSum / (2 * unorderedPairs), new MinedCounts(2 * activePairs, negatives));
  }

  /** sum over the negatives k of anchor i of exp(alpha - D_ik). */
  private double negativeExpSum(ReferenceAnchorPairs batch, int i) {
    double sum = 0;
    for (int k = 0; k < batch.size(); k++) {
      if (batch.isNegative(i, k)) {
        sum += Math.exp(config.margin() - batch.distance(i, k));
      }
    }
    return sum;
  }
}
