package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * Proxy-NCA (Movshovitz-Attias et al., ICCV 2017): NCA with each class represented by a learned
 * proxy (the paper's static proxy assignment, one proxy per class). Each head's loss is
 *
 * <pre>
 * (1/N) sum_i -log( exp(-s d(x_i, p_y(i))) / sum_{z != y(i)} exp(-s d(x_i, p_z)) )
 * d(x, p) = || x/|x| - p/|p| ||^2
 * </pre>
 *
 * <p>Choices the paper leaves open or that vary between its text and reimplementations: the
 * distance is the squared Euclidean distance between the normalised embedding and the normalised
 * proxy (computed as 2 - 2 cos); the positive proxy is left out of the denominator, as in the
 * paper's proxy NCA loss, so the loss can be negative; the scale s (default 1, none in the paper)
 * is the inverse softmax temperature later reimplementations add. Gradients reach the embeddings
 * and the proxies. The paper gives the proxies no learning-rate factor of their own, so their
 * default multiplier is 1 ({@code SgdConfig.Builder#optLossLrMultiplier} sets another; Kim et al.'s
 * comparison trains every loss's proxies at 100x).
 *
 * <p>Mined counts: nothing is mined; {@code positives} = N (each embedding with its proxy) and
 * {@code negatives} = N (C - 1) (each embedding with every other proxy), the pairs the loss sums.
 */
public final class ProxyNcaLoss extends ProxyLoss {
  /** Logits of the positive proxy are lowered by this to leave it out of the log-sum-exp. */
  private static final double EXCLUDED = 1e30;

  private final ProxyNcaLossConfig config;

  private ProxyNcaLoss(String name, ProxyNcaLossConfig config) {
    super(name);
    this.config = config;
  }

  /** A builder preset to the paper's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated settings. */
  public ProxyNcaLossConfig getConfig() {
    return config;
  }

  /** The denominator sums over the other classes: at least two are needed. */
  @Override
  protected int minimumClasses() {
    return 2;
  }

  @Override
  protected HeadLoss compute(NDArray embeddings, NDArray proxies, NDArray classOf) {
    NDArray cosines = embeddings.matMul(proxies.transpose());
    NDArray scale =
        OwnedConstants.scalar(embeddings.getManager(), config.scale(), embeddings.getDataType());
    NDArray scaled = cosines.add(cosines).neg().add(2).mul(scale);
    NDArray positive = scaled.mul(classOf).sum(new int[] {1});
    NDArray logits = scaled.neg().sub(classOf.mul(EXCLUDED));
    NDArray shift = logits.max(new int[] {1}, true).stopGradient();
    NDArray logSumExp = logits.sub(shift).exp().sum(new int[] {1}).log().add(shift.squeeze(1));
    long n = embeddings.getShape().get(0);
    long classes = proxies.getShape().get(0);
    return new HeadLoss(positive.add(logSumExp).mean(), new MinedCounts(n, n * (classes - 1)));
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder {
    private String name = "ProxyNcaLoss";
    private double scale = ProxyNcaLossConfig.DEFAULT_SCALE;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The scale s of the squared distances (default 1: the paper's loss). */
    public Builder optScale(double scale) {
      this.scale = scale;
      return this;
    }

    /** Validates the settings and builds the loss, whose proxies {@code initialize} creates. */
    public ProxyNcaLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new ProxyNcaLoss(name, new ProxyNcaLossConfig(scale));
    }
  }
}
