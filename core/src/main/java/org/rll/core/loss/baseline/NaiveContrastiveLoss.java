package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * The contrastive loss written plainly, one pair at a time in Java doubles: the reference {@link
 * ContrastiveLoss} is tested against. Distances are taken directly as ||f_i - f_j|| (not by the
 * Gram expansion) with the same floor. O(N^2 d) per call.
 */
public final class NaiveContrastiveLoss {
  private final ContrastiveLossConfig config;

  /** A reference for these margins. */
  public NaiveContrastiveLoss(ContrastiveLossConfig config) {
    this.config = config;
  }

  /** The loss and the pairs with a non-zero term. */
  public record Result(double loss, MinedCounts counts) {}

  /** Loss and counts of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    double[][] distances = PairDistances.direct(embeddings, labels, false);
    double sum = 0;
    long positives = 0;
    long negatives = 0;
    for (int i = 0; i < embeddings.length; i++) {
      for (int j = 0; j < embeddings.length; j++) {
        double d = distances[i][j];
        if (i != j && labels[i] == labels[j] && d > config.positiveMargin()) {
          sum += (d - config.positiveMargin()) * (d - config.positiveMargin());
          positives++;
        } else if (labels[i] != labels[j] && d < config.negativeMargin()) {
          sum += (config.negativeMargin() - d) * (config.negativeMargin() - d);
          negatives++;
        }
      }
    }
    long active = positives + negatives;
    return new Result(active > 0 ? sum / active : 0, new MinedCounts(positives, negatives));
  }
}
