package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * Proxy-Anchor (Kim, Kim, Cho and Kwak, CVPR 2020, Eq. 4): each proxy is an anchor that pulls the
 * batch's embeddings of its class and pushes the others, each weighted by its own hardness through
 * a log-sum-exp. Each head's loss is
 *
 * <pre>
 * (1/|P+|) sum_{p in P+} log(1 + sum_{x in X_p+} exp(-alpha (s(x, p) - delta)))
 *   + (1/|P|) sum_{p in P} log(1 + sum_{x in X_p-} exp(alpha (s(x, p) + delta)))
 * </pre>
 *
 * with s the cosine similarity, P all proxies, P+ the proxies of the classes present in the batch,
 * X_p+ / X_p- the batch's embeddings of / not of p's class. Sums are taken directly, as the
 * authors' code does (with alpha 32 the largest term is e^35.2, far inside float32). Gradients
 * reach the embeddings and the proxies; the proxies train at 100x the learning rate by default, as
 * in the paper ({@link #defaultParameterLrMultiplier}).
 *
 * <p>Mined counts: nothing is mined; {@code positives} = N (each embedding with its class's proxy)
 * and {@code negatives} = N (C - 1) (each embedding with every other proxy), the pairs the loss
 * sums.
 */
public final class ProxyAnchorLoss extends ProxyLoss {
  private final ProxyAnchorLossConfig config;

  private ProxyAnchorLoss(String name, ProxyAnchorLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the paper's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated settings. */
  public ProxyAnchorLossConfig getConfig() {
    return config;
  }

  @Override
  public double defaultParameterLrMultiplier() {
    return ProxyAnchorLossConfig.DEFAULT_PROXY_LR_MULTIPLIER;
  }

  @Override
  protected HeadLoss compute(NDArray embeddings, NDArray proxies, NDArray classOf) {
    NDArray cosines = embeddings.matMul(proxies.transpose());
    NDArray alpha =
        OwnedConstants.scalar(embeddings.getManager(), config.alpha(), embeddings.getDataType());
    NDArray otherClass = classOf.neg().add(1);
    NDArray positiveSums =
        cosines.sub(config.delta()).mul(alpha).neg().exp().mul(classOf).sum(new int[] {0});
    NDArray negativeSums =
        cosines.add(config.delta()).mul(alpha).exp().mul(otherClass).sum(new int[] {0});
    long n = embeddings.getShape().get(0);
    long classes = proxies.getShape().get(0);
    long present = classOf.sum(new int[] {0}).gt(0).sum().getLong();
    // A proxy without positives has log(1 + 0) = 0, so summing over all proxies sums over P+.
    NDArray positiveTerm =
        positiveSums
            .add(1)
            .log()
            .mul(OwnedConstants.scalar(embeddings.getManager(), 1.0 / present, alpha.getDataType()))
            .sum();
    NDArray negativeTerm =
        negativeSums
            .add(1)
            .log()
            .mul(OwnedConstants.scalar(embeddings.getManager(), 1.0 / classes, alpha.getDataType()))
            .sum();
    return new HeadLoss(positiveTerm.add(negativeTerm), new MinedCounts(n, n * (classes - 1)));
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder {
    private String name = "ProxyAnchorLoss";
    private double alpha = ProxyAnchorLossConfig.DEFAULT_ALPHA;
    private double delta = ProxyAnchorLossConfig.DEFAULT_DELTA;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The scale alpha (default 32). */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** The margin delta (default 0.1). */
    public Builder optDelta(double delta) {
      this.delta = delta;
      return this;
    }

    /** Validates the settings and builds the loss, whose proxies {@code initialize} creates. */
    public ProxyAnchorLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new ProxyAnchorLoss(name, new ProxyAnchorLossConfig(alpha, delta));
    }
  }
}
