package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The settings of {@link ProxyNcaLoss}, validated at construction.
 *
 * @param scale s, multiplying every squared distance (a softmax temperature of 1/s), &gt; 0
 */
public record ProxyNcaLossConfig(double scale) implements LossConfig {
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

  /** {@code proxy-nca}. */
  @Override
  public String type() {
    return "proxy-nca";
  }

  @Override
  public ProxyNcaLoss newLoss() {
    return ProxyNcaLoss.builder().optScale(scale).build();
  }
}
