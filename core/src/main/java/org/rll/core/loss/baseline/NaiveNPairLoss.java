package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * The multi-class N-pair loss (Sohn 2016, Sec. 3.2) written plainly: one (anchor, positive) tuple
 * at a time in Java doubles, with plain exp and log, so it overflows where the vectorised loss does
 * not. The reference {@link NPairLoss} is tested against; O(N^2 (N + d)) per call.
 */
public final class NaiveNPairLoss {
  private final NPairLossConfig config;

  /** A reference for this penalty weight. */
  public NaiveNPairLoss(NPairLossConfig config) {
    this.config = config;
  }

  /** The loss and the pairs it counts, as defined in {@link NPairLoss}. */
  public record Result(double loss, MinedCounts counts) {}

  /** Loss and counts of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    ReferenceAnchorPairs batch = new ReferenceAnchorPairs(embeddings, labels);
    batch.requirePositivePair();
    int n = batch.size();
    double termSum = 0;
    long tuples = 0;
    long negatives = 0;
    double squaredNormSum = 0;
    for (int a = 0; a < n; a++) {
      squaredNormSum += batch.dot(a, a);
      boolean hasPositive = false;
      for (int p = 0; p < n; p++) {
        if (batch.isPositive(a, p)) {
          termSum += tupleTerm(batch, a, p);
          tuples++;
          hasPositive = true;
        }
      }
      negatives += hasPositive ? batch.negativeCount(a) : 0;
    }
    double penalty = config.l2Weight() / 2 * squaredNormSum / n;
    return new Result(termSum / tuples + penalty, new MinedCounts(tuples, negatives));
  }

  /** log(1 + sum_{k in N_a} exp(f_a.f_k - f_a.f_p)). */
  private static double tupleTerm(ReferenceAnchorPairs batch, int a, int p) {
    double sum = 1;
    for (int k = 0; k < batch.size(); k++) {
      if (batch.isNegative(a, k)) {
        sum += Math.exp(batch.dot(a, k) - batch.dot(a, p));
      }
    }
    return Math.log(sum);
  }
}
