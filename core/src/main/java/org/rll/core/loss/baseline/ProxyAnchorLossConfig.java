package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The settings of {@link ProxyAnchorLoss} (Kim et al. 2020, Eq. 4), validated at construction.
 *
 * @param alpha the scale alpha of the similarities, &gt; 0
 * @param delta the margin delta, &gt;= 0
 */
public record ProxyAnchorLossConfig(double alpha, double delta) implements LossConfig {
  /** The paper's alpha. */
  public static final double DEFAULT_ALPHA = 32;

  /** The paper's delta. */
  public static final double DEFAULT_DELTA = 0.1;

  /** The paper trains the proxies at 100 times the network's learning rate. */
  public static final double DEFAULT_PROXY_LR_MULTIPLIER = 100;

  public ProxyAnchorLossConfig {
    ValidationException.check(
        alpha > 0 && Double.isFinite(alpha), "alpha must be finite and > 0, got %s", alpha);
    ValidationException.check(
        delta >= 0 && Double.isFinite(delta), "delta must be finite and >= 0, got %s", delta);
  }

  /** The paper's settings: alpha 32, delta 0.1. */
  public static ProxyAnchorLossConfig defaults() {
    return new ProxyAnchorLossConfig(DEFAULT_ALPHA, DEFAULT_DELTA);
  }

  /** {@code proxy-anchor}. */
  @Override
  public String type() {
    return "proxy-anchor";
  }

  @Override
  public ProxyAnchorLoss newLoss() {
    return ProxyAnchorLoss.builder().optAlpha(alpha).optDelta(delta).build();
  }
}
