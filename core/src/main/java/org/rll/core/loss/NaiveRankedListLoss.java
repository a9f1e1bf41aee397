package org.rll.core.loss;

import org.rll.core.exceptions.ValidationException;

/**
 * The ranked list loss written plainly, one query at a time in Java doubles, with its analytic
 * gradient: the reference {@link RankedListLoss} is tested and benchmarked against. Distances are
 * taken directly as ||f_i - f_j|| (not by the Gram expansion) with the same floor at 0; weights are
 * plain exp(...) without any shift. O(N^2 d) per call, far too slow to train with.
 */
public final class NaiveRankedListLoss {
  /** Below this squared distance d is floored and has no gradient, as in the vectorised loss. */
  private static final double FLOOR = RankedListKernel.SQUARED_DISTANCE_FLOOR;

  private final RankedListLossConfig config;

  /** A reference for these hyper-parameters, gradient mode included. */
  public NaiveRankedListLoss(RankedListLossConfig config) {
    this.config = config;
  }

  /**
   * The loss, its gradient with respect to every embedding and the mined pairs.
   *
   * @param gradient N x d, d loss / d f under the config's gradient mode
   */
  public record Result(double loss, double[][] gradient, MinedCounts counts) {}

  /** Loss, gradient and counts of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    int n = embeddings.length;
    ValidationException.check(
        labels.length == n, "labels size %d != batch size %d", labels.length, n);
    double[][] gradient = new double[n][embeddings[0].length];
    double[] slopes = new double[n];
    double loss = 0;
    long positives = 0;
    long negatives = 0;
    for (int i = 0; i < n; i++) {
      loss += queryLoss(embeddings, embeddings, labels, i, slopes) / n;
      for (int j = 0; j < n; j++) {
        double d = distance(embeddings[i], embeddings[j]);
        positives += isPositive(labels, i, j, d) ? 1 : 0;
        negatives += isNegative(labels, i, j, d) ? 1 : 0;
        if (slopes[j] == 0 || squaredDistance(embeddings[i], embeddings[j]) < FLOOR) {
          continue;
        }
        for (int k = 0; k < gradient[i].length; k++) {
          double push = slopes[j] / n * (embeddings[i][k] - embeddings[j][k]) / d;
          gradient[i][k] += push;
          if (config.gradientMode() == GradientMode.FULL_AUTOGRAD) {
            gradient[j][k] -= push;
          }
        }
      }
    }
    return new Result(loss, gradient, new MinedCounts(positives, negatives));
  }

  /**
   * Query i's term L(i) = 2 ((1 - lambda) L_P(i) + lambda L_N(i)) with distances taken at {@code
   * embeddings} but the mined sets and weights frozen at {@code minedAt}: with both equal it is the
   * loss itself, and its derivative in {@code embeddings} at that point is the loss's gradient
   * (weights are constants), which makes it the function to difference numerically.
   */
  public double queryLoss(double[][] embeddings, double[][] minedAt, long[] labels, int query) {
    return queryLoss(embeddings, minedAt, labels, query, new double[embeddings.length]);
  }

  /** Returns L(query) and fills {@code slopes[j]} with d L(query) / d d_(query, j). */
  private double queryLoss(
      double[][] embeddings, double[][] minedAt, long[] labels, int query, double[] slopes) {
    double boundary = config.positiveBoundary();
    double positiveWeightSum = 0;
    double positiveSum = 0;
    double negativeWeightSum = 0;
    double negativeSum = 0;
    double[] weights = new double[embeddings.length];
    boolean[] isMined = new boolean[embeddings.length];
    for (int j = 0; j < embeddings.length; j++) {
      double mined = distance(minedAt[query], minedAt[j]);
      double d = distance(embeddings[query], embeddings[j]);
      isMined[j] = isPositive(labels, query, j, mined) || isNegative(labels, query, j, mined);
      if (isPositive(labels, query, j, mined)) {
        weights[j] = Math.exp(config.positiveTemperature() * (mined - boundary));
        positiveWeightSum += weights[j];
        positiveSum += weights[j] * (d - boundary);
      } else if (isNegative(labels, query, j, mined)) {
        weights[j] = Math.exp(config.temperature() * (config.alpha() - mined));
        negativeWeightSum += weights[j];
        negativeSum += weights[j] * (config.alpha() - d);
      }
    }
    double positiveShare = 2 * (1 - config.balance());
    double negativeShare = 2 * config.balance();
    for (int j = 0; j < embeddings.length; j++) {
      if (!isMined[j]) {
        slopes[j] = 0;
      } else if (labels[j] == labels[query]) {
        slopes[j] = positiveShare * weights[j] / positiveWeightSum;
      } else {
        slopes[j] = -negativeShare * weights[j] / negativeWeightSum;
      }
    }
    double positiveLoss = positiveWeightSum > 0 ? positiveSum / positiveWeightSum : 0;
    double negativeLoss = negativeWeightSum > 0 ? negativeSum / negativeWeightSum : 0;
    return positiveShare * positiveLoss + negativeShare * negativeLoss;
  }

  private boolean isPositive(long[] labels, int i, int j, double d) {
    return j != i && labels[j] == labels[i] && d > config.positiveBoundary();
  }

  private boolean isNegative(long[] labels, int i, int j, double d) {
    return labels[j] != labels[i] && d < config.alpha();
  }

  private static double distance(double[] a, double[] b) {
    return Math.sqrt(Math.max(squaredDistance(a, b), FLOOR));
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return sum;
  }
}
