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
 */
public record HttpSourceConfig(Duration connectTimeout, Duration requestTimeout) {
  public HttpSourceConfig {
    checkPositive("connectTimeout", connectTimeout);
    checkPositive("requestTimeout", requestTimeout);
  }

  /** 10 s to connect, 60 s for the headers. */
  public static HttpSourceConfig defaults() {
    return new HttpSourceConfig(Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  private static void checkPositive(String name, Duration value) {
    ValidationException.check(
        value != null && value.compareTo(Duration.ZERO) > 0, "%s must be > 0, got %s", name, value);
  }
}
