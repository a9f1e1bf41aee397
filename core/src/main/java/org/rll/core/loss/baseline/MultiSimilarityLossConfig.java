package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The hyper-parameters of the multi-similarity loss, validated at construction. For anchor i with
 * similarities S_ik: a negative k is mined when S_ik + epsilon &gt; the smallest similarity to a
 * positive of i, a positive k when S_ik - epsilon &lt; the largest similarity to a negative of i;
 * mined positives are weighted by exp(-alpha (S_ik - lambda)), mined negatives by exp(beta (S_ik -
 * lambda)).
 *
 * @param alpha the positive scale alpha, finite and &gt; 0
 * @param beta the negative scale beta, finite and &gt; 0
 * @param lambda the similarity threshold lambda, finite
 * @param epsilon the mining margin epsilon, finite and &gt;= 0
 */
public record MultiSimilarityLossConfig(double alpha, double beta, double lambda, double epsilon)
    implements LossConfig {

  /** The paper's alpha. */
  public static final double DEFAULT_ALPHA = 2;

  /** The paper's beta; ports of the authors' released code and TensorFlow Similarity use 40. */
  public static final double DEFAULT_BETA = 50;

  /**
   * The paper's lambda. The authors' released code fixes 0.5, and pytorch-metric-learning and
   * TensorFlow Similarity default to it.
   */
  public static final double DEFAULT_LAMBDA = 1;

  /** The paper's epsilon, also the authors' code's. */
  public static final double DEFAULT_EPSILON = 0.1;

  /** Validates every value; messages name the offending one. */
  public MultiSimilarityLossConfig {
    requireFinite("alpha", alpha);
    requireFinite("beta", beta);
    requireFinite("lambda", lambda);
    requireFinite("epsilon", epsilon);
    ValidationException.check(alpha > 0, "alpha must be > 0, got %s", alpha);
    ValidationException.check(beta > 0, "beta must be > 0, got %s", beta);
    ValidationException.check(epsilon >= 0, "epsilon must be >= 0, got %s", epsilon);
  }

  /** The paper's settings: alpha 2, beta 50, lambda 1, epsilon 0.1. */
  public static MultiSimilarityLossConfig defaults() {
    return new MultiSimilarityLossConfig(
        DEFAULT_ALPHA, DEFAULT_BETA, DEFAULT_LAMBDA, DEFAULT_EPSILON);
  }

  private static void requireFinite(String name, double value) {
    ValidationException.check(Double.isFinite(value), "%s must be finite, got %s", name, value);
  }

  /** {@code multi-similarity}. */
  @Override
  public String type() {
    return "multi-similarity";
  }

  @Override
  public MultiSimilarityLoss newLoss() {
    return MultiSimilarityLoss.builder()
        .optAlpha(alpha)
        .optBeta(beta)
        .optLambda(lambda)
        .optEpsilon(epsilon)
        .build();
  }
}
