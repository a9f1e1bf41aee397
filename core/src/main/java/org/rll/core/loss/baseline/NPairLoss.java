package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * The multi-class N-pair loss L_N-pair-mc of Sohn (NIPS 2016, Sec. 3.2) with its embedding-norm
 * penalty, as an {@link EmbeddingLoss}:
 *
 * <pre>
 * L = 1/|T| sum_{(a, p) in T} log(1 + sum_{k in N_a} exp(f_a.f_k - f_a.f_p))
 *     + (lambda / 2) (1/N) sum_i ||f_i||^2
 * </pre>
 *
 * with f the embeddings as given (inner products, not cosines) and lambda the weight of {@link
 * NPairLossConfig}. Choices the paper leaves open:
 *
 * <ul>
 *   <li>The paper's batch holds one (anchor, positive) pair per class and takes the other classes'
 *       positives as an anchor's negatives. Here a batch of any layout (C classes x K samples in
 *       training) makes every ordered same-class pair (a, p), a != p, a tuple of T, and every
 *       member of another class a negative of a. With K = 2 each class gives two tuples, one each
 *       way, and an anchor has 2(C - 1) negatives where the paper's layout gives C - 1.
 *   <li>The paper asks for small embedding norms; the penalty's form and lambda = 0.002 are those
 *       of the reference implementations (TensorFlow's {@code npairs_loss}, Paddle's {@code
 *       npair_loss}), whose 0.25 lambda (mean ||f_anchor||^2 + mean ||f_positive||^2) is (lambda /
 *       2) times the mean squared norm of the batch.
 *   <li>When the model L2-normalises its embeddings, as this project's models do, the penalty is
 *       the constant lambda / 2 and passes no gradient back through the normalisation.
 *   <li>Each term is computed as log(e^{n_a} + e^{s_ap}) - s_ap, with n_a the stabilised
 *       log-sum-exp of anchor a's negative inner products, so large inner products cannot overflow.
 * </ul>
 *
 * <p>{@link MinedCounts}: the loss mines nothing; {@code positives} = the tuples (a, p), {@code
 * negatives} = the ordered negative pairs (a, k) of every anchor with a positive.
 */
public final class NPairLoss extends EmbeddingLoss {
  private final NPairLossConfig config;

  private NPairLoss(String name, NPairLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the reference setting. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated hyper-parameters. */
  public NPairLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return AnchorPairMasks.evaluate(labels, embeddings, pairs -> evaluate(pairs, embeddings));
  }

  private HeadLoss evaluate(AnchorPairMasks pairs, NDArray embeddings) {
    pairs.requirePositivePairs();
    int n = Math.toIntExact(embeddings.getShape().get(0));
    NDArray similarities = embeddings.matMul(embeddings.transpose());
    NDArray negativeTerms = MaskedLogSumExp.rowLogSumExp(similarities, pairs.negatives());
    NDArray tupleTerms = MaskedLogSumExp.logAddExp(negativeTerms, similarities).sub(similarities);
    // The squared norms are the Gram matrix's diagonal.
    NDArray loss =
        tupleTerms
            .mul(pairs.weights(pairs.positives(), 1.0 / pairs.positivePairs()))
            .add(similarities.mul(pairs.weights(pairs.identity(), config.l2Weight() / (2 * n))))
            .sum();
    return new HeadLoss(
        loss,
        AnchorPairMasks.count(pairs.positives(), pairs.negativesOfAnchorsWith(pairs.positives())));
  }

  /** DJL-style builder: every setting is optional and defaults to the reference value. */
  public static final class Builder extends AnchorPairLossBuilder<Builder> {
    private double l2Weight = NPairLossConfig.DEFAULT_L2_WEIGHT;

    private Builder() {
      super("NPairLoss");
    }

    /** The weight lambda of the embedding-norm penalty (default 0.002). */
    public Builder optL2Weight(double l2Weight) {
      this.l2Weight = l2Weight;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public NPairLoss build() {
      return new NPairLoss(validatedName(), new NPairLossConfig(l2Weight));
    }
  }
}
