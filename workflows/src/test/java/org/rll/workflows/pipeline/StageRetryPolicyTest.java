package org.rll.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.spec.RetrySection;
import org.rll.workflows.spec.SpecTree;

class StageRetryPolicyTest {
  @Test
  void waitsDoubleUpToTheLongest() {
    StageRetryPolicy policy = StageRetryPolicy.of(null);

    assertEquals(
        List.of(2L, 4L, 8L, 16L, 32L, 64L, 120L, 120L, 120L),
        IntStream.rangeClosed(1, 9).mapToObj(i -> policy.waitAfter(i).toSeconds()).toList());
    assertEquals(10, policy.maxAttempts());
  }

  @Test
  void aSectionOverridesTheDefaultsItNames() {
    StageRetryPolicy policy =
        StageRetryPolicy.of(retry("{\"maxAttempts\": 3, \"maxIntervalSeconds\": 5}"));

    assertEquals(new StageRetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(5)), policy);
    assertEquals(Duration.ofSeconds(4), policy.waitAfter(2));
    assertEquals(Duration.ofSeconds(5), policy.waitAfter(3));
  }

  @Test
  void badValuesAreNamed() {
    assertEquals("retry.maxAttempts must be 1-1000, got 0", refusal("{\"maxAttempts\": 0}"));
    assertEquals(
        "retry.initialIntervalSeconds must be 1-3600, got -1",
        refusal("{\"initialIntervalSeconds\": -1}"));
    assertEquals(
        "retry.maxIntervalSeconds must be from initialIntervalSeconds (10) to 86400, got 5",
        refusal("{\"initialIntervalSeconds\": 10, \"maxIntervalSeconds\": 5}"));
  }

  private static String refusal(String retry) {
    return assertThrows(InvalidSpecException.class, () -> StageRetryPolicy.of(retry(retry)))
        .getMessage();
  }

  /** The retry section of a spec whose {@code retry} is the JSON {@code json}. */
  private static RetrySection retry(String json) {
    return SpecTree.parse("{\"retry\": " + json + "}").toSpec().retry();
  }
}
