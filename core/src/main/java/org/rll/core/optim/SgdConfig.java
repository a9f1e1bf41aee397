package org.rll.core.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;

/**
 * Settings of {@link Sgd}: PyTorch's SGD (momentum, dampening 0, no Nesterov) with weight decay
 * that may skip BatchNorm and bias parameters, and learning-rate multipliers by parameter-name
 * prefix (the paper trains its new embedding heads at 10x). A loss's own parameters (names starting
 * {@link EmbeddingLoss#PARAMETER_PREFIX}) take {@link #lossLrMultiplier} when it is set, else the
 * factor their loss's paper uses ({@link #withDefaultLossLrMultiplier}).
 */
public final class SgdConfig {
  private final LrSchedule schedule;
  private final double momentum;
  private final double weightDecay;
  private final boolean decayNormAndBias;
  private final List<LrMultiplier> multipliers;
  private final OptionalDouble lossLrMultiplier;

  private SgdConfig(Builder builder) {
    ValidationException.check(builder.schedule != null, "SGD needs a learning-rate schedule");
    ValidationException.check(
        builder.momentum >= 0 && builder.momentum < 1,
        "momentum must be in [0, 1), got %s",
        builder.momentum);
    ValidationException.check(
        builder.weightDecay >= 0 && Double.isFinite(builder.weightDecay),
        "weight decay must be >= 0, got %s",
        builder.weightDecay);
    schedule = builder.schedule;
    momentum = builder.momentum;
    weightDecay = builder.weightDecay;
    decayNormAndBias = builder.decayNormAndBias;
    multipliers = List.copyOf(builder.multipliers);
    lossLrMultiplier = builder.lossLrMultiplier;
    double lossFactor = lossLrMultiplier.orElse(1);
    ValidationException.check(
        lossFactor > 0 && Double.isFinite(lossFactor),
        "loss lr multiplier must be > 0, got %s",
        lossFactor);
  }

  /** A builder with the paper's momentum 0.9 and weight decay 1e-5. */
  public static Builder builder() {
    return new Builder();
  }

  public LrSchedule schedule() {
    return schedule;
  }

  public double momentum() {
    return momentum;
  }

  public double weightDecay() {
    return weightDecay;
  }

  /** Whether BatchNorm scales/shifts and biases are decayed too (PyTorch's default). */
  public boolean decayNormAndBias() {
    return decayNormAndBias;
  }

  /** The factor of every loss parameter, when set; unset, the loss's paper decides. */
  public OptionalDouble lossLrMultiplier() {
    return lossLrMultiplier;
  }

  /**
   * This config, with {@code factor} as the loss parameters' multiplier unless one is set: the
   * trainer passes the factor its loss's paper uses.
   */
  public SgdConfig withDefaultLossLrMultiplier(double factor) {
    if (lossLrMultiplier.isPresent()) {
      return this;
    }
    Builder builder =
        builder()
            .setSchedule(schedule)
            .optMomentum(momentum)
            .optWeightDecay(weightDecay)
            .optDecayNormAndBias(decayNormAndBias)
            .optLossLrMultiplier(factor);
    builder.multipliers.addAll(multipliers);
    return builder.build();
  }

  /**
   * The loss-parameter multiplier for a loss parameter, when set; otherwise the multiplier of the
   * first rule whose prefix starts {@code parameterName}, else 1.
   */
  public double lrMultiplier(String parameterName) {
    if (lossLrMultiplier.isPresent() && parameterName.startsWith(EmbeddingLoss.PARAMETER_PREFIX)) {
      return lossLrMultiplier.getAsDouble();
    }
    for (LrMultiplier rule : multipliers) {
      if (parameterName.startsWith(rule.prefix())) {
        return rule.factor();
      }
    }
    return 1.0;
  }

  /** A canonical text of every setting, for config hashes and provenance. */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "sgd(lr=%s, gamma=%s, step=%d, momentum=%s, wd=%s, decayNormAndBias=%s, multipliers=%s%s)",
        schedule.base(),
        schedule.gamma(),
        schedule.stepSize(),
        momentum,
        weightDecay,
        decayNormAndBias,
        multipliers,
        lossLrMultiplier.isPresent() ? ", lossLr=" + lossLrMultiplier.getAsDouble() : "");
  }

  /** A learning-rate factor for every parameter whose name starts with {@code prefix}. */
  public record LrMultiplier(String prefix, double factor) {
    public LrMultiplier {
      ValidationException.check(
          prefix != null && !prefix.isEmpty(), "lr multiplier prefix must not be empty");
      ValidationException.check(
          factor > 0 && Double.isFinite(factor),
          "lr multiplier for '%s' must be > 0, got %s",
          prefix,
          factor);
    }
  }

  /** Builds an {@link SgdConfig}. */
  public static final class Builder {
    private LrSchedule schedule;
    private double momentum = 0.9;
    private double weightDecay = 1e-5;
    private boolean decayNormAndBias = true;
    private final List<LrMultiplier> multipliers = new ArrayList<>();
    private OptionalDouble lossLrMultiplier = OptionalDouble.empty();

    private Builder() {}

    public Builder setSchedule(LrSchedule schedule) {
      this.schedule = schedule;
      return this;
    }

    public Builder optMomentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    public Builder optWeightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Whether weight decay also applies to BatchNorm and bias parameters (default true). */
    public Builder optDecayNormAndBias(boolean decayNormAndBias) {
      this.decayNormAndBias = decayNormAndBias;
      return this;
    }

    /** Adds a multiplier rule; earlier rules win. */
    public Builder optLrMultiplier(String prefix, double factor) {
      multipliers.add(new LrMultiplier(prefix, factor));
      return this;
    }

    /**
     * The learning-rate factor of the loss's own parameters (proxies, a learned margin); unset, the
     * factor of the loss's paper applies (Proxy-Anchor: 100).
     */
    public Builder optLossLrMultiplier(double factor) {
      this.lossLrMultiplier = OptionalDouble.of(factor);
      return this;
    }

    public SgdConfig build() {
      return new SgdConfig(this);
    }
  }
}
