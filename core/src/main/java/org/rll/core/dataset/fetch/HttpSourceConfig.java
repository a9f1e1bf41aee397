package org.rll.core.dataset.fetch;

import java.time.Duration;
import org.rll.core.exceptions.ValidationException;

/**
 * Timeouts of {@link HttpSource}. Retries are not here: the {@link DatasetFetcher} owns them,
 * because only it knows where to resume.
 *
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param requestTimeout the longest wait for a response's status and headers; the body may take
 *     longer
 * @param idleTimeout the longest wait for the next bytes of a body; a stall beyond it breaks the
 *     download, which then resumes
 */
public record HttpSourceConfig(
    Duration connectTimeout, Duration requestTimeout, Duration idleTimeout) {
  public HttpSourceConfig {
    checkPositive("connectTimeout", connectTimeout);
    checkPositive("requestTimeout", requestTimeout);
    checkPositive("idleTimeout", idleTimeout);
  }

  /** 10 s to connect, 60 s for the headers, 60 s at most between bytes of a body. */
  public static HttpSourceConfig defaults() {
    return new HttpSourceConfig(
        Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  private static void checkPositive(String name, Duration value) {
    ValidationException.check(
        value != null && value.compareTo(Duration.ZERO) > 0, "%s must be > 0, got %s", name, value);
  }
}
