package org.rll.core.dataset.fetch;

import java.time.Duration;
import org.rll.core.exceptions.ValidationException;

/**
 * How often a download is tried after transient faults, and how long to wait between tries: the
 * wait doubles from {@code initialBackoff} up to {@code maxBackoff}.
 *
 * @param maxAttempts tries in all, the first included (1 = never retry)
 * @param initialBackoff the wait after the first failed try
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    ValidationException.check(maxAttempts >= 1, "maxAttempts must be >= 1, got %d", maxAttempts);
    ValidationException.check(
        initialBackoff != null && !initialBackoff.isNegative(),
        "initialBackoff must be >= 0, got %s",
        initialBackoff);
    ValidationException.check(
        maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
        "maxBackoff must be >= initialBackoff %s, got %s",
        initialBackoff,
        maxBackoff);
  }

  /** Five tries, waiting 1, 2, 4 and 8 seconds between them. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** The wait after the {@code failedAttempt}-th failed try (1-based). */
  public Duration backoff(int failedAttempt) {
    ValidationException.check(
        failedAttempt >= 1, "failedAttempt must be >= 1, got %d", failedAttempt);
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
  }
}
