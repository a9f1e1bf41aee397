package org.rll.core.optim;

import org.rll.core.exceptions.ValidationException;

/**
 * Caffe's "step" learning-rate policy, as in the paper authors' solver: {@code base * gamma ^
 * floor(iteration / stepSize)}. A {@code gamma} of 1 keeps the rate constant.
 *
 * @param base the rate at iteration 0
 * @param gamma the factor applied at every step boundary, in (0, 1]
 * @param stepSize iterations between two decays
 */
public record LrSchedule(double base, double gamma, long stepSize) {
  public LrSchedule {
    ValidationException.check(
        base > 0 && Double.isFinite(base), "learning rate must be > 0, got %s", base);
    ValidationException.check(gamma > 0 && gamma <= 1, "lr gamma must be in (0, 1], got %s", gamma);
    ValidationException.check(stepSize > 0, "lr step size must be > 0, got %d", stepSize);
  }

  /** A rate that never decays. */
  public static LrSchedule constant(double base) {
    return new LrSchedule(base, 1.0, Long.MAX_VALUE);
  }

  /** The rate used by the update of {@code iteration} (0-based). */
  public double at(long iteration) {
    ValidationException.check(iteration >= 0, "iteration must be >= 0, got %d", iteration);
    return base * Math.pow(gamma, iteration / stepSize);
  }
}
