package org.rll.worker;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import com.uber.m3.util.Duration;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * The Temporal SDK's client and worker metrics (polls, task latencies, slots, failures), kept in a
 * Micrometer registry in the Prometheus text format: give {@link #scope()} to the connection, and
 * serve {@link #scrape()}.
 */
public final class WorkerMetrics implements AutoCloseable {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Scope scope =
      new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(registry))
          .reportEvery(REPORT_EVERY);

  /** The scope the SDK reports into. */
  public Scope scope() {
    return scope;
  }

  /** Every metric, in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      throw new IllegalStateException("cannot close the metrics scope: " + e.getMessage(), e);
    } finally {
      registry.close();
    }
  }
}
