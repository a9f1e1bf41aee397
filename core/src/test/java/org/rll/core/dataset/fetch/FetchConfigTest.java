package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

/** {@link RetryPolicy} and {@link HttpSourceConfig}: their waits and their validation. */
class FetchConfigTest {

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(500));
    List<Long> waits =
        IntStream.rangeClosed(1, 6).mapToObj(i -> policy.backoff(i).toMillis()).toList();
    assertEquals(List.of(100L, 200L, 400L, 500L, 500L, 500L), waits);
    assertEquals(Duration.ofSeconds(30), RetryPolicy.defaults().backoff(Integer.MAX_VALUE));
    assertEquals(Duration.ZERO, new RetryPolicy(2, Duration.ZERO, Duration.ZERO).backoff(2));
  }

  @Test
  void retryPolicyRejectsBadValuesNamingThem() {
    assertMessage("got 0", () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
    assertMessage("PT-1S", () -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ofMillis(1)));
    assertMessage(
        "got PT0.001S", () -> new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(1)));
    assertMessage("got 0", () -> RetryPolicy.defaults().backoff(0));
  }

  @Test
  void httpConfigRejectsNonPositiveTimeoutsNamingThem() {
    assertMessage(
        "connectTimeout must be > 0, got PT0S",
        () -> new HttpSourceConfig(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertMessage(
        "requestTimeout must be > 0, got null",
        () -> new HttpSourceConfig(Duration.ofSeconds(1), null, Duration.ofSeconds(1)));
    assertMessage(
        "idleTimeout must be > 0, got PT-1S",
        () ->
            new HttpSourceConfig(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1)));
  }

  private static void assertMessage(String expected, Runnable construct) {
    ValidationException e = assertThrows(ValidationException.class, construct::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
