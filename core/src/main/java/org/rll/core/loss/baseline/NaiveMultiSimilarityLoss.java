package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * The multi-similarity loss (Wang et al. 2019, Eqs. 10, 11 and 15) written plainly: one anchor at a
 * time in Java doubles, mining by direct comparison and weighting with plain exp and log. The
 * reference {@link MultiSimilarityLoss} is tested against; O(N^2 d) per call.
 */
public final class NaiveMultiSimilarityLoss {
  private final MultiSimilarityLossConfig config;

  /** A reference for these hyper-parameters. */
  public NaiveMultiSimilarityLoss(MultiSimilarityLossConfig config) {
    this.config = config;
  }

  /** The loss and the pairs it mined, as defined in {@link MultiSimilarityLoss}. */
  public record Result(double loss, MinedCounts counts) {}

  /** Loss and mined pairs of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    ReferenceAnchorPairs batch = new ReferenceAnchorPairs(embeddings, labels);
    int m = batch.size();
    double loss = 0;
    long positives = 0;
    long negatives = 0;
    for (int i = 0; i < m; i++) {
      double hardestPositive = Double.POSITIVE_INFINITY;
      double hardestNegative = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < m; k++) {
        if (batch.isPositive(i, k)) {
          hardestPositive = Math.min(hardestPositive, batch.dot(i, k));
        } else if (batch.isNegative(i, k)) {
          hardestNegative = Math.max(hardestNegative, batch.dot(i, k));
        }
      }
      double positiveSum = 0;
      double negativeSum = 0;
      for (int k = 0; k < m; k++) {
        double similarity = batch.dot(i, k);
        if (batch.isPositive(i, k) && similarity - config.epsilon() < hardestNegative) {
          positiveSum += Math.exp(-config.alpha() * (similarity - config.lambda()));
          positives++;
        } else if (batch.isNegative(i, k) && similarity + config.epsilon() > hardestPositive) {
          negativeSum += Math.exp(config.beta() * (similarity - config.lambda()));
          negatives++;
        }
      }
      loss +=
          Math.log(1 + positiveSum) / config.alpha() + Math.log(1 + negativeSum) / config.beta();
    }
    return new Result(loss / m, new MinedCounts(positives, negatives));
  }
}
