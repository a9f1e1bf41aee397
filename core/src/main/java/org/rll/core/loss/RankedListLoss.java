package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import org.rll.core.exceptions.ValidationException;

/**
 * The Ranked List Loss (Wang et al., CVPR 2019, Eq. 8-14) as an {@link EmbeddingLoss}, for a {@code
 * Trainer} or direct use.
 *
 * <p>Each head's loss is (1/N) sum_i 2 ((1 - lambda) L_P(i) + lambda L_N(i)), which for the default
 * lambda = 0.5 is the paper's (1/N) sum_i (L_P(i) + L_N(i)); see {@link RankedListLossConfig} for
 * every parameter. The embeddings are used as given: normalising them is the model's job. Weights
 * are constants (no gradient through them), and by default so is the gallery side of every distance
 * (paper Sec. 3.2; {@link GradientMode}).
 */
public final class RankedListLoss extends EmbeddingLoss {
  private final RankedListLossConfig config;
  private final RankedListKernel kernel;

  private RankedListLoss(String name, RankedListLossConfig config) {
    super(name);
    this.config = config;
    this.kernel = new RankedListKernel(config);
  }

  /** A builder preset to the paper's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validated hyper-parameters. */
  public RankedListLossConfig getConfig() {
    return config;
  }

  @Override
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return kernel.compute(labels, embeddings);
  }

  /** DJL-style builder: every setting is optional and defaults to the paper's value. */
  public static final class Builder {
    private String name = "RankedListLoss";
    private double alpha = RankedListLossConfig.DEFAULT_ALPHA;
    private double margin = RankedListLossConfig.DEFAULT_MARGIN;
    private double temperature = RankedListLossConfig.DEFAULT_TEMPERATURE;
    private double positiveTemperature = RankedListLossConfig.DEFAULT_POSITIVE_TEMPERATURE;
    private double balance = RankedListLossConfig.DEFAULT_BALANCE;
    private GradientMode gradientMode = GradientMode.CONSTANT_GALLERY;

    private Builder() {}

    /** The evaluator name shown in training logs. */
    public Builder optName(String name) {
      this.name = name;
      return this;
    }

    /** The negative boundary alpha (default 1.2). */
    public Builder optAlpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** The margin m; positives are non-trivial beyond alpha - m (default 0.4). */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /** The negative weighting temperature T (default 10). */
    public Builder optTemperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /** The positive weighting temperature Tp (default 0: plain mean). */
    public Builder optPositiveTemperature(double positiveTemperature) {
      this.positiveTemperature = positiveTemperature;
      return this;
    }

    /** The balance lambda between L_P and L_N (default 0.5: the paper's L_P + L_N). */
    public Builder optBalance(double balance) {
      this.balance = balance;
      return this;
    }

    /** Whether the gallery side of each distance is constant (default) or live. */
    public Builder optGradientMode(GradientMode gradientMode) {
      this.gradientMode = gradientMode;
      return this;
    }

    /** Validates the settings and builds the loss. */
    public RankedListLoss build() {
      ValidationException.check(
          name != null && !name.isBlank(), "name must be non-blank, got '%s'", name);
      return new RankedListLoss(
          name,
          new RankedListLossConfig(
              alpha, margin, temperature, positiveTemperature, balance, gradientMode));
    }
  }
}
