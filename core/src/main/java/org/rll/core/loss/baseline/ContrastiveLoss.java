package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * The contrastive loss (Hadsell, Chopra and LeCun, CVPR 2006, Eq. 4) with a positive and a negative
 * margin, as an {@link EmbeddingLoss}: a Table 1 baseline for the ranked list loss.
 *
 * <p>Over every ordered pair (i, j), i != j, of the batch, with the Euclidean distance d_ij:
 *
 * <pre>
 * same class:      [d_ij - m_pos]_+^2
 * different class: [m_neg - d_ij]_+^2
 * loss = (sum of the terms) / (number of non-zero terms), 0 when there are none
 * </pre>
 *
 * <p>Choices Eq. 4 leaves open or this form changes: the positive margin m_pos (0, the default, is
 * Eq. 4's D^2 term); both hinges are squared, as in Eq. 4, but without its factor 1/2, which only
 * rescales the gradient; pairs are all ordered pairs of the batch, so each unordered pair is
 * counted twice, which leaves the mean unchanged; and the terms are averaged over the active
 * (non-zero) pairs rather than summed (Eq. 1), so satisfied pairs do not dilute it and it does not
 * grow with N^2. Gradient flows through both ends of every distance. The embeddings are used as
 * given: normalising them is the model's job. See {@link ContrastiveLossConfig} for the defaults.
 *
 * <p>Mined counts: {@code positives} = ordered same-class pairs farther than m_pos, {@code
 * negatives} = ordered other-class pairs closer than m_neg (the pairs with a non-zero term).
 */
public final class ContrastiveLoss extends EmbeddingLoss {
  private final ContrastiveLossConfig config;

  private ContrastiveLoss(String name, ContrastiveLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to m_pos = 0, m_neg = 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated margins. */
  public ContrastiveLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return PairDistances.evaluate(
        labels,
        embeddings,
        false,
        pairs -> {
          NDArray activePositives =
              pairs.positives().logicalAnd(pairs.fixed().gt(config.positiveMargin()));
          NDArray activeNegatives =
              pairs.negatives().logicalAnd(pairs.fixed().lt(config.negativeMargin()));
          long[] counts = pairs.count(activePositives, activeNegatives);
          long active = counts[0] + counts[1];
          NDArray live = pairs.live();
          NDArray loss =
              pairs
                  .averaging(activePositives, active)
                  .mul(live.sub(config.positiveMargin()).square())
                  .add(
                      pairs
                          .averaging(activeNegatives, active)
                          .mul(live.sub(config.negativeMargin()).square()))
                  .sum();
          return new HeadLoss(loss, new MinedCounts(counts[0], counts[1]));
        });
  }

  /** DJL-style builder: every setting is optional; the defaults are m_pos = 0, m_neg = 1. */
  public static final class Builder {
    private String name = "ContrastiveLoss";
    private double positiveMargin = ContrastiveLossConfig.DEFAULT_POSITIVE_MARGIN;
    private double negativeMargin = ContrastiveLossConfig.DEFAULT_NEGATIVE_MARGIN;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The positive margin m_pos: same-class pairs are pulled in to it (default 0). */
    public Builder optPositiveMargin(double positiveMargin) {
      this.positiveMargin = positiveMargin;
      return this;
    }

    /** The negative margin m_neg: other-class pairs are pushed out to it (default 1). */
    public Builder optNegativeMargin(double negativeMargin) {
      this.negativeMargin = negativeMargin;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public ContrastiveLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new ContrastiveLoss(name, new ContrastiveLossConfig(positiveMargin, negativeMargin));
    }
  }
}
