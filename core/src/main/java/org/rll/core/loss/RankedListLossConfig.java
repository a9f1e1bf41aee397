package org.rll.core.loss;

import org.rll.core.exceptions.ValidationException;

/**
 * The hyper-parameters of the ranked list loss, validated at construction.
 *
 * <p>For a query i with distances d_ij: non-trivial positives are same-class j != i with d_ij &gt;
 * alpha - margin, non-trivial negatives are other-class j with d_ij &lt; alpha. {@code temperature}
 * (T) weights negatives by exp(T (alpha - d_ij)) (paper Eq. 9); {@code positiveTemperature} (Tp)
 * weights positives by exp(Tp (d_ij - (alpha - margin))), where Tp = 0 is the paper's plain mean
 * (Eq. 11). {@code balance} (lambda, from the authors' later version) makes the per-query loss 2
 * ((1 - lambda) L_P + lambda L_N), so the default lambda = 0.5 is exactly the paper's L_P + L_N
 * (Eq. 13).
 *
 * @param alpha the negative boundary alpha, &gt; 0
 * @param margin the margin m between the positive boundary alpha - m and alpha, in [0, alpha]
 * @param temperature the negative weighting temperature T, &gt;= 0
 * @param positiveTemperature the positive weighting temperature Tp, &gt;= 0
 * @param balance the weight lambda of L_N against L_P, in [0, 1]
 * @param gradientMode whether the gallery side of each distance is a constant (the paper) or live
 */
public record RankedListLossConfig(
    double alpha,
    double margin,
    double temperature,
    double positiveTemperature,
    double balance,
    GradientMode gradientMode)
    implements LossConfig {

  /** The paper's alpha. */
  public static final double DEFAULT_ALPHA = 1.2;

  /** The paper's margin m. */
  public static final double DEFAULT_MARGIN = 0.4;

  /** The paper's negative temperature T. */
  public static final double DEFAULT_TEMPERATURE = 10;

  /** No positive weighting: the plain mean of the paper's Eq. 11. */
  public static final double DEFAULT_POSITIVE_TEMPERATURE = 0;

  /** lambda = 0.5 reproduces the paper's unweighted sum L_P + L_N. */
  public static final double DEFAULT_BALANCE = 0.5;

  /** Validates every value; messages name the offending one. */
  public RankedListLossConfig {
    requireFinite("alpha", alpha);
    requireFinite("margin", margin);
    requireFinite("temperature", temperature);
    requireFinite("positiveTemperature", positiveTemperature);
    requireFinite("balance", balance);
    ValidationException.check(alpha > 0, "alpha must be > 0, got %s", alpha);
    ValidationException.check(margin >= 0, "margin must be >= 0, got %s", margin);
    ValidationException.check(
        margin <= alpha, "margin must be <= alpha (%s), got %s", alpha, margin);
    ValidationException.check(temperature >= 0, "temperature must be >= 0, got %s", temperature);
    ValidationException.check(
        positiveTemperature >= 0, "positiveTemperature must be >= 0, got %s", positiveTemperature);
    ValidationException.check(
        balance >= 0 && balance <= 1, "balance must be in [0, 1], got %s", balance);
    ValidationException.check(gradientMode != null, "gradientMode must be set, got null");
  }

  /** The paper's settings: alpha 1.2, m 0.4, T 10, Tp 0, lambda 0.5, constant gallery. */
  public static RankedListLossConfig defaults() {
    return new RankedListLossConfig(
        DEFAULT_ALPHA,
        DEFAULT_MARGIN,
        DEFAULT_TEMPERATURE,
        DEFAULT_POSITIVE_TEMPERATURE,
        DEFAULT_BALANCE,
        GradientMode.CONSTANT_GALLERY);
  }

  /** The positive boundary alpha - m: same-class pairs farther than this are non-trivial. */
  public double positiveBoundary() {
    return alpha - margin;
  }

  private static void requireFinite(String name, double value) {
    ValidationException.check(Double.isFinite(value), "%s must be finite, got %s", name, value);
  }

  /** {@code ranked-list}. */
  @Override
  public String type() {
    return "ranked-list";
  }

  @Override
  public RankedListLoss newLoss() {
    return RankedListLoss.builder()
        .optAlpha(alpha)
        .optMargin(margin)
        .optTemperature(temperature)
        .optPositiveTemperature(positiveTemperature)
        .optBalance(balance)
        .optGradientMode(gradientMode)
        .build();
  }
}
