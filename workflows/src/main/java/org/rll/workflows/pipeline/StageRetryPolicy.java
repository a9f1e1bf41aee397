package org.rll.workflows.pipeline;

import java.time.Duration;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.spec.RetrySection;

/**
 * A run's resolved retry policy: at most {@code maxAttempts} tries of a stage, with waits that
 * double from {@code initialInterval} up to {@code maxInterval}.
 */
record StageRetryPolicy(int maxAttempts, Duration initialInterval, Duration maxInterval) {
  static final StageRetryPolicy DEFAULT =
      new StageRetryPolicy(10, Duration.ofSeconds(2), Duration.ofMinutes(2));

  StageRetryPolicy {
    check(
        maxAttempts >= 1 && maxAttempts <= 1000,
        "retry.maxAttempts must be 1-1000, got %d",
        maxAttempts);
    long initial = initialInterval.toSeconds();
    long max = maxInterval.toSeconds();
    check(
        initial >= 1 && initial <= 3600,
        "retry.initialIntervalSeconds must be 1-3600, got %d",
        initial);
    check(
        max >= initial && max <= 86_400,
        "retry.maxIntervalSeconds must be from initialIntervalSeconds (%d) to 86400, got %d",
        initial,
        max);
  }

  /** The policy {@code section} asks for, defaults filled in; null for the defaults. */
  static StageRetryPolicy of(RetrySection section) {
    if (section == null) {
      return DEFAULT;
    }
    return new StageRetryPolicy(
        section.maxAttempts() != null ? section.maxAttempts() : DEFAULT.maxAttempts,
        seconds(section.initialIntervalSeconds(), DEFAULT.initialInterval),
        seconds(section.maxIntervalSeconds(), DEFAULT.maxInterval));
  }

  /** The wait after the {@code failedAttempts}-th failed try. */
  Duration waitAfter(int failedAttempts) {
    Duration wait = initialInterval;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxInterval) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxInterval) < 0 ? wait : maxInterval;
  }

  private static Duration seconds(Integer value, Duration fallback) {
    return value != null ? Duration.ofSeconds(value) : fallback;
  }

  private static void check(boolean condition, String format, Object... values) {
    if (!condition) {
      throw new InvalidSpecException(String.format(format, values));
    }
  }
}
