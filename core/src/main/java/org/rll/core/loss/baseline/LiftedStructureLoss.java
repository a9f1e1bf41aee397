package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.PairwiseDistances;

/**
 * The lifted structured loss of Song, Xiang, Jegelka and Savarese (CVPR 2016), in its smooth form
 * (their Eq. 4), as an {@link EmbeddingLoss}: for every positive pair (i, j) of the batch
 *
 * <pre>
 * J_ij = log( sum_{k in N_i} exp(alpha - D_ik) + sum_{l in N_j} exp(alpha - D_jl) ) + D_ij
 * L    = 1 / (2 |P|) sum_{(i, j) in P} max(0, J_ij)^2
 * </pre>
 *
 * with D the Euclidean distances, N_i the batch members of another class than i and alpha the
 * margin ({@link LiftedStructureLossConfig}). Choices the paper leaves open:
 *
 * <ul>
 *   <li>P is every same-class pair of the batch, whatever the batch's layout (the paper samples
 *       random positive pairs), and |P| counts unordered pairs. J_ij is symmetric, so summing over
 *       ordered pairs and dividing by twice their number gives the same value.
 *   <li>Every member of another class is a negative of both ends of the pair, so a batch needs at
 *       least two classes, and at least one same-class pair for |P| &gt; 0.
 *   <li>Each log-sum-exp is stabilised by its largest term, which the paper's Eq. 4 leaves to the
 *       implementation; distances are floored at 1e-6 so that coincident points keep a finite
 *       gradient.
 *   <li>Gradients flow through both ends of every distance, as in the paper's backpropagation.
 * </ul>
 *
 * <p>{@link MinedCounts}: {@code positives} = ordered positive pairs (i, j) with J_ij &gt; 0, the
 * pairs that contribute; {@code negatives} = ordered negative pairs (i, k) whose anchor i has such
 * a pair, the negatives that receive gradient.
 */
public final class LiftedStructureLoss extends EmbeddingLoss {
  private final LiftedStructureLossConfig config;

  private LiftedStructureLoss(String name, LiftedStructureLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the paper's margin. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated hyper-parameters. */
  public LiftedStructureLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return AnchorPairMasks.evaluate(labels, embeddings, pairs -> evaluate(pairs, embeddings));
  }

  private HeadLoss evaluate(AnchorPairMasks pairs, NDArray embeddings) {
    pairs.requirePositivePairs();
    NDArray distances = PairwiseDistances.euclidean(embeddings, embeddings);
    NDArray negativeTerms =
        MaskedLogSumExp.rowLogSumExp(distances.neg().add(config.margin()), pairs.negatives());
    NDArray pairTerms =
        MaskedLogSumExp.logAddExp(negativeTerms, negativeTerms.transpose()).add(distances);
    NDArray loss =
        pairTerms
            .clip(0, Float.MAX_VALUE)
            .square()
            .mul(pairs.weights(pairs.positives(), 1.0 / (2 * pairs.positivePairs())))
            .sum();

    NDArray active = pairs.positives().logicalAnd(pairTerms.stopGradient().gt(0));
    return new HeadLoss(loss, AnchorPairMasks.count(active, pairs.negativesOfAnchorsWith(active)));
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder extends AnchorPairLossBuilder<Builder> {
    private double margin = LiftedStructureLossConfig.DEFAULT_MARGIN;

    private Builder() {
      super("LiftedStructureLoss");
    }

    /** The margin alpha (default 1). */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public LiftedStructureLoss build() {
      return new LiftedStructureLoss(validatedName(), new LiftedStructureLossConfig(margin));
    }
  }
}
