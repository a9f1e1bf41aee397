package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * The multi-similarity loss of Wang, Han, Huang, Dong and Scott (CVPR 2019, Section 4) with its
 * pair mining (Eqs. 10 and 11), as an {@link EmbeddingLoss}. For anchor i of a batch of m, with
 * S_ik = f_i . f_k:
 *
 * <pre>
 * N*_i = { k of another class : S_ik + epsilon &gt; min_{y_j = y_i, j != i} S_ij }
 * P*_i = { k != i of i's class : S_ik - epsilon &lt; max_{y_j != y_i} S_ij }
 * L    = 1/m sum_i [ 1/alpha log(1 + sum_{k in P*_i} exp(-alpha (S_ik - lambda)))
 *                  + 1/beta  log(1 + sum_{k in N*_i} exp( beta  (S_ik - lambda))) ]   (Eq. 15)
 * </pre>
 *
 * S is the cosine similarity when the model L2-normalises its embeddings, as the paper assumes and
 * this project's models do; the loss uses the embeddings as given. See {@link
 * MultiSimilarityLossConfig} for the parameters. Choices the paper leaves open:
 *
 * <ul>
 *   <li>An anchor without positives (a class alone in the batch) mines no negatives, the minimum
 *       over an empty set being +infinity, and so adds nothing.
 *   <li>An empty mined set adds log(1 + 0) = 0 to its own half of Eq. 15 only, and m is the whole
 *       batch size. The authors' code instead skips an anchor whose mined positives or negatives
 *       are empty; both divide by the batch size.
 *   <li>The anchor itself is excluded by index; the authors' code excludes same-class similarities
 *       above 1 - 1e-5, which also drops duplicates of the anchor.
 *   <li>Mining is a constant mask (no gradient through the thresholds); both log-sum-exps are
 *       stabilised by their largest term, so unnormalised embeddings cannot overflow them.
 * </ul>
 *
 * <p>{@link MinedCounts}: {@code positives} = sum of |P*_i|, {@code negatives} = sum of |N*_i|.
 */
public final class MultiSimilarityLoss extends EmbeddingLoss {
  private final MultiSimilarityLossConfig config;

  private MultiSimilarityLoss(String name, MultiSimilarityLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the paper's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated hyper-parameters. */
  public MultiSimilarityLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return AnchorPairMasks.evaluate(labels, embeddings, pairs -> evaluate(pairs, embeddings));
  }

  private HeadLoss evaluate(AnchorPairMasks pairs, NDArray embeddings) {
    int m = Math.toIntExact(embeddings.getShape().get(0));
    NDArray similarities = embeddings.matMul(embeddings.transpose());
    NDArray fixed = similarities.stopGradient();
    NDArray hardestPositive = MaskedLogSumExp.rowMax(fixed.neg(), pairs.positives()).neg();
    NDArray hardestNegative = MaskedLogSumExp.rowMax(fixed, pairs.negatives());
    NDArray minedNegatives =
        pairs.negatives().logicalAnd(fixed.add(config.epsilon()).gt(hardestPositive));
    NDArray minedPositives =
        pairs.positives().logicalAnd(fixed.sub(config.epsilon()).lt(hardestNegative));

    NDArray offsets = similarities.sub(config.lambda());
    NDArray positiveTerms =
        MaskedLogSumExp.logOnePlusSumExp(scaled(offsets, -config.alpha()), minedPositives);
    NDArray negativeTerms =
        MaskedLogSumExp.logOnePlusSumExp(scaled(offsets, config.beta()), minedNegatives);
    NDArray loss =
        scaled(positiveTerms, 1 / (config.alpha() * m))
            .add(scaled(negativeTerms, 1 / (config.beta() * m)))
            .sum();
    return new HeadLoss(loss, AnchorPairMasks.count(minedPositives, minedNegatives));
  }

  /**
   * {@code values} times {@code factor}, the factor held in an array of their shape: a Java scalar
   * operand on the differentiable path would be saved for the backward pass in a buffer the garbage
   * collector owns.
   */
  private static NDArray scaled(NDArray values, double factor) {
    return values.mul(values.onesLike().mul(factor));
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder extends AnchorPairLossBuilder<Builder> {
    private double alpha = MultiSimilarityLossConfig.DEFAULT_ALPHA;
    private double beta = MultiSimilarityLossConfig.DEFAULT_BETA;
    private double lambda = MultiSimilarityLossConfig.DEFAULT_LAMBDA;
    private double epsilon = MultiSimilarityLossConfig.DEFAULT_EPSILON;

    private Builder() {
      super("MultiSimilarityLoss");
    }

    /** The positive scale alpha (default 2). */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** The negative scale beta (default 50). */
    public Builder optBeta(double beta) {
      this.beta = beta;
      return this;
    }

    /** The similarity threshold lambda (default 1). */
    public Builder optLambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    /** The mining margin epsilon (default 0.1). */
    public Builder optEpsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public MultiSimilarityLoss build() {
      return new MultiSimilarityLoss(
          validatedName(), new MultiSimilarityLossConfig(alpha, beta, lambda, epsilon));
    }
  }
}
