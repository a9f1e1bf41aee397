package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * The Ranked List Loss (Wang et al., CVPR 2019, Eq. 8-14) as a DJL {@link Loss}, for a {@code
 * Trainer} or direct use.
 *
 * <p>{@link #evaluate} takes one label array (N class ids) and one N x d embedding array per head
 * (for example the L, M and H heads) and returns the sum of the heads' losses. Each head's loss is
 * (1/N) sum_i 2 ((1 - lambda) L_P(i) + lambda L_N(i)), which for the default lambda = 0.5 is the
 * paper's (1/N) sum_i (L_P(i) + L_N(i)); see {@link RankedListLossConfig} for every parameter. The
 * embeddings are used as given: normalising them is the model's job. Weights are constants (no
 * gradient through them), and by default so is the gallery side of every distance (paper Sec. 3.2;
 * {@link GradientMode}).
 *
 * <p>The pairs each head mined in the latest {@code evaluate} call are kept for training logs
 * ({@link #getLatestMinedCounts}); {@link #evaluateHead} gives one head's loss and counts directly.
 */
public final class RankedListLoss extends Loss {
  private final RankedListLossConfig config;
  private final RankedListKernel kernel;
  private volatile List<MinedCounts> latestMinedCounts = List.of();

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

  /**
   * The summed loss of every embedding head in {@code predictions}, all sharing {@code
   * labels.head()}; a scalar attached to the first head's manager.
   */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    ValidationException.check(
        !labels.isEmpty(), "labels must hold one array of class ids, got %d arrays", labels.size());
    ValidationException.check(
        !predictions.isEmpty(),
        "predictions must hold at least one embedding head, got %d",
        predictions.size());
    NDManager caller = predictions.head().getManager();
    List<MinedCounts> counts = new ArrayList<>(predictions.size());
    try (NDManager scope = NDManager.subManagerOf(predictions.head())) {
      NDArray total = null;
      for (NDArray embeddings : predictions) {
        HeadLoss head = kernel.compute(labels.head(), embeddings);
        head.loss().attach(scope);
        counts.add(head.counts());
        total = total == null ? head.loss() : total.add(head.loss());
      }
      total.attach(caller);
      latestMinedCounts = List.copyOf(counts);
      return total;
    }
  }

  /**
   * One head's loss and mined pairs, without the {@link Loss} plumbing; the counts are not kept.
   */
  public HeadLoss evaluateHead(NDArray labels, NDArray embeddings) {
    return kernel.compute(labels, embeddings);
  }

  /** The pairs mined by each head, in head order, in the latest {@link #evaluate} call. */
  public List<MinedCounts> getLatestMinedCounts() {
    return latestMinedCounts;
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
