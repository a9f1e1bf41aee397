package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;

/**
 * The triplet loss as an {@link EmbeddingLoss}, with the batch mining of FaceNet (Schroff,
 * Kalenichenko and Philbin, CVPR 2015) or of Hermans, Beyer and Leibe (2017): a Table 1 baseline
 * for the ranked list loss.
 *
 * <p>Each mined triplet (a, p, n) of an anchor, a same-class positive p != a and an other-class
 * negative contributes [d_ap - d_an + alpha]_+ (FaceNet Eq. 3; Hermans et al.'s L_BH and L_BA),
 * where d is the squared Euclidean distance by default, as in FaceNet, or the Euclidean distance,
 * as in Hermans et al. ({@link TripletLossConfig#squaredDistance()}); one choice holds for every
 * mining. Eq. 3 is a sum; here every mining averages, as below, so the loss does not grow with the
 * batch. The embeddings are used as given: FaceNet's L2 normalisation is the model's job. Per
 * {@link TripletMining}:
 *
 * <ul>
 *   <li>{@code semihard}: FaceNet uses every anchor-positive pair with a semi-hard negative, d_ap
 *       &lt; d_an (Eq. 4), but does not say which one, nor what to do when there is none. Here it
 *       is the closest negative farther than p; where every negative is at most as far as p, a's
 *       farthest negative, the least hard of those hard negatives. The loss is the mean over all
 *       anchor-positive pairs, those with a zero term included.
 *   <li>{@code hard}: batch hard, per anchor with at least one positive its farthest positive and
 *       its closest negative; the mean over those anchors, zero terms included.
 *   <li>{@code all}: every valid triplet; the mean over the triplets with a non-zero term (Hermans
 *       et al.'s batch all "non-zero" average), 0 when there is none.
 * </ul>
 *
 * <p>Ties in a selection go to the lowest index. Gradient flows through both ends of every
 * distance. {@code semihard} and {@code all} mine in Java in O(N^2 log N), by sorting each anchor's
 * distances, and weigh the distances with the counts of active triplets through each pair; no N x N
 * x N array is built.
 *
 * <p>Mined counts: the distinct ordered pairs in the triplets with a non-zero term, {@code
 * positives} = (anchor, positive) pairs, {@code negatives} = (anchor, negative) pairs; with {@code
 * hard} both are the number of anchors whose triplet is active.
 */
public final class TripletLoss extends EmbeddingLoss {
  private final TripletLossConfig config;
  private final TripletKernel kernel;

  private TripletLoss(String name, TripletLossConfig config) {
    super(name);
    this.config = config;
    this.kernel = new TripletKernel(config);
  }

  /** A builder preset to FaceNet's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated settings. */
  public TripletLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return PairDistances.evaluate(labels, embeddings, config.squaredDistance(), kernel::compute);
  }

  /** DJL-style builder: every setting is optional and defaults to FaceNet's. */
  public static final class Builder {
    private String name = "TripletLoss";
    private double margin = TripletLossConfig.DEFAULT_MARGIN;
    private TripletMining mining = TripletLossConfig.DEFAULT_MINING;
    private boolean squaredDistance = TripletLossConfig.DEFAULT_SQUARED_DISTANCE;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The margin alpha (default 0.2). */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /** Which triplets are trained on (default semihard). */
    public Builder optMining(TripletMining mining) {
      this.mining = mining;
      return this;
    }

    /** Squared Euclidean distances (default, FaceNet) or Euclidean (false, Hermans et al.). */
    public Builder optSquaredDistance(boolean squaredDistance) {
      this.squaredDistance = squaredDistance;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public TripletLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new TripletLoss(name, new TripletLossConfig(margin, mining, squaredDistance));
    }
  }
}
