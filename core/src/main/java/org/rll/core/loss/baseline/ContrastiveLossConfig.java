package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The margins of the contrastive loss, validated at construction: same-class pairs are penalised
 * beyond {@code positiveMargin}, other-class pairs inside {@code negativeMargin}.
 *
 * @param positiveMargin m_pos, &gt;= 0; 0 is Hadsell et al.'s loss, which pulls positives together
 *     all the way
 * @param negativeMargin m_neg, &gt; m_pos: Hadsell et al.'s margin m
 */
public record ContrastiveLossConfig(double positiveMargin, double negativeMargin)
    implements LossConfig {

  /** Hadsell et al. have no positive margin: every positive pair is pulled together. */
  public static final double DEFAULT_POSITIVE_MARGIN = 0;

  /**
   * Hadsell et al. leave m to the data; 1 is the common choice for L2-normalised embeddings, whose
   * distances lie in [0, 2]: it pushes negatives to beyond 60 degrees apart.
   */
  public static final double DEFAULT_NEGATIVE_MARGIN = 1;

  /** Validates both margins; messages name the offending value. */
  public ContrastiveLossConfig {
    ValidationException.check(
        Double.isFinite(positiveMargin), "positiveMargin must be finite, got %s", positiveMargin);
    ValidationException.check(
        Double.isFinite(negativeMargin), "negativeMargin must be finite, got %s", negativeMargin);
    ValidationException.check(
        positiveMargin >= 0, "positiveMargin must be >= 0, got %s", positiveMargin);
    ValidationException.check(
        negativeMargin > positiveMargin,
        "negativeMargin must be > positiveMargin (%s), got %s",
        positiveMargin,
        negativeMargin);
  }

  /** m_pos = 0, m_neg = 1. */
  public static ContrastiveLossConfig defaults() {
    return new ContrastiveLossConfig(DEFAULT_POSITIVE_MARGIN, DEFAULT_NEGATIVE_MARGIN);
  }

  /** {@code contrastive}. */
  @Override
  public String type() {
    return "contrastive";
  }

  @Override
  public ContrastiveLoss newLoss() {
    return ContrastiveLoss.builder()
        .optPositiveMargin(positiveMargin)
        .optNegativeMargin(negativeMargin)
        .build();
  }
}
