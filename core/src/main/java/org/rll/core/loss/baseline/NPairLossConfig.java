package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The hyper-parameter of the multi-class N-pair loss, validated at construction.
 *
 * @param l2Weight the weight lambda of the embedding-norm penalty (lambda / 2) mean_i ||f_i||^2;
 *     finite and &gt;= 0, where 0 turns the penalty off
 */
public record NPairLossConfig(double l2Weight) implements LossConfig {

  /**
   * lambda = 0.002, the default of the reference implementations of Sohn's loss (TensorFlow's
   * {@code npairs_loss}, Paddle's {@code npair_loss}).
   */
  public static final double DEFAULT_L2_WEIGHT = 0.002;

  /** Validates the weight; the message names the offending value. */
  public NPairLossConfig {
    ValidationException.check(
        Double.isFinite(l2Weight), "l2Weight must be finite, got %s", l2Weight);
    ValidationException.check(l2Weight >= 0, "l2Weight must be >= 0, got %s", l2Weight);
  }

  /** The reference setting: lambda = 0.002. */
  public static NPairLossConfig defaults() {
    return new NPairLossConfig(DEFAULT_L2_WEIGHT);
  }

  /** {@code npair}. */
  @Override
  public String type() {
    return "npair";
  }

  @Override
  public NPairLoss newLoss() {
    return NPairLoss.builder().optL2Weight(l2Weight).build();
  }
}
