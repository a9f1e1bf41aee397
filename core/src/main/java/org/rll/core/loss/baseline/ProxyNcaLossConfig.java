package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;

/**
 * The settings of {@link ProxyNcaLoss}, validated at construction.
 *
 * @param scale s, multiplying every squared distance (a softmax temperature of 1/s), &gt; 0
 */
public record ProxyNcaLossConfig(double scale) {
  /** The paper's loss has no scale: s = 1. */
  public static final double DEFAULT_SCALE = 1;

  public ProxyNcaLossConfig {
    ValidationException.check(
        scale > 0 && Double.isFinite(scale), "scale must be finite and > 0, got %s", scale);
  }

  /** The paper's settings. */
  public static ProxyNcaLossConfig defaults() {
    return new ProxyNcaLossConfig(DEFAULT_SCALE);
  }
}
