package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The hyper-parameter of the lifted structure loss, validated at construction.
 *
 * @param margin the margin alpha of Song et al.'s Eq. 4: a positive pair (i, j) has a non-zero term
 *     while the soft minimum of its negative distances is below D_ij + alpha; finite and &gt;= 0
 */
public record LiftedStructureLossConfig(double margin) implements LossConfig {

  /** The paper's margin alpha. */
  public static final double DEFAULT_MARGIN = 1.0;

  /** Validates the margin; the message names the offending value. */
  public LiftedStructureLossConfig {
    ValidationException.check(Double.isFinite(margin), "margin must be finite, got %s", margin);
    ValidationException.check(margin >= 0, "margin must be >= 0, got %s", margin);
  }

  /** The paper's setting: alpha = 1. */
  public static LiftedStructureLossConfig defaults() {
    return new LiftedStructureLossConfig(DEFAULT_MARGIN);
  }

  /** {@code lifted-structure}. */
  @Override
  public String type() {
    return "lifted-structure";
  }

  @Override
  public LiftedStructureLoss newLoss() {
    return LiftedStructureLoss.builder().optMargin(margin).build();
  }
}
