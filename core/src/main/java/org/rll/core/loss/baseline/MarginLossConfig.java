package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The settings of {@link MarginLoss} (Wu, Manmatha, Smola and Krähenbühl, ICCV 2017), validated at
 * construction; the defaults are the paper's.
 *
 * @param margin the margin alpha of Eq. 4, finite and &gt;= 0
 * @param beta0 the initial boundary beta^(0) of every learned beta, finite and &gt; 0
 * @param nu the weight nu of the beta regulariser of Eq. 5, finite and &gt;= 0
 * @param cutoff distances are clipped below at this before the sampling weights q(d)^-1 are taken
 *     (Sec. 4: it bounds the weights, whose variance would blow up near d = 0), &gt; 0
 * @param nonzeroLossCutoff negatives at least this far from the anchor get weight 0, as their
 *     margin term would be 0; in (cutoff, 2], as distances of unit vectors do not exceed 2
 * @param classSpecificBeta one learned beta per training class, indexed by the anchor's class (the
 *     paper's beta^(class), used by its released code), or a single beta shared by all classes
 */
public record MarginLossConfig(
    double margin,
    double beta0,
    double nu,
    double cutoff,
    double nonzeroLossCutoff,
    boolean classSpecificBeta)
    implements LossConfig {

  /** The paper's alpha. */
  public static final double DEFAULT_MARGIN = 0.2;

  /** The initial beta^(0) of the paper's released training script. */
  public static final double DEFAULT_BETA0 = 1.2;

  /** The paper's released training script does not regularise beta. */
  public static final double DEFAULT_NU = 0;

  /** The paper's lower clip of the sampling distances. */
  public static final double DEFAULT_CUTOFF = 0.5;

  /** The paper's non-zero-loss cut-off: alpha + beta^(0) = 1.4. */
  public static final double DEFAULT_NONZERO_LOSS_CUTOFF = 1.4;

  /** One beta per class, as in the paper's released code. */
  public static final boolean DEFAULT_CLASS_SPECIFIC_BETA = true;

  /**
   * The released training script trains beta with its own SGD, momentum 0.9 at a rate of 0.1, while
   * the network trains with Adam at 1e-4. Here one SGD with momentum 0.9 trains both, so beta keeps
   * the script's SGD rate at the base rate 0.01 that runs default to: 10 times the network's.
   * Comparing the rates across optimisers (0.1 against Adam's 1e-4) would give 1000, far too large
   * a step for SGD.
   */
  public static final double DEFAULT_BETA_LR_MULTIPLIER = 10;

  /** Validates every setting; messages name the offending value. */
  public MarginLossConfig {
    ValidationException.check(
        margin >= 0 && Double.isFinite(margin), "margin must be finite and >= 0, got %s", margin);
    ValidationException.check(
        beta0 > 0 && Double.isFinite(beta0), "beta0 must be finite and > 0, got %s", beta0);
    ValidationException.check(
        nu >= 0 && Double.isFinite(nu), "nu must be finite and >= 0, got %s", nu);
    ValidationException.check(
        cutoff > 0 && Double.isFinite(cutoff), "cutoff must be finite and > 0, got %s", cutoff);
    ValidationException.check(
        nonzeroLossCutoff > cutoff && nonzeroLossCutoff <= 2,
        "nonzeroLossCutoff must be in (cutoff %s, 2], got %s",
        cutoff,
        nonzeroLossCutoff);
  }

  /** The paper's settings: alpha 0.2, beta^(0) 1.2, nu 0, cut-offs 0.5 and 1.4, beta per class. */
  public static MarginLossConfig defaults() {
    return new MarginLossConfig(
        DEFAULT_MARGIN,
        DEFAULT_BETA0,
        DEFAULT_NU,
        DEFAULT_CUTOFF,
        DEFAULT_NONZERO_LOSS_CUTOFF,
        DEFAULT_CLASS_SPECIFIC_BETA);
  }

  /** {@code margin}. */
  @Override
  public String type() {
    return "margin";
  }

  @Override
  public MarginLoss newLoss() {
    return MarginLoss.builder()
        .optMargin(margin)
        .optBeta0(beta0)
        .optNu(nu)
        .optCutoff(cutoff)
        .optNonzeroLossCutoff(nonzeroLossCutoff)
        .optClassSpecificBeta(classSpecificBeta)
        .build();
  }
}
