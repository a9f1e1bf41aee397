package org.rll.cli.options;

import com.uber.m3.tally.Scope;
import java.time.Duration;
import org.rll.worker.TemporalConnection;
import picocli.CommandLine.Option;

/**
 * Which Temporal frontend and namespace to use. Every option also reads an environment variable.
 */
public final class TemporalOptions {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  @Option(
      names = "--temporal-target",
      paramLabel = "<host:port>",
      defaultValue = "${env:RLL_TEMPORAL_TARGET:-127.0.0.1:7233}",
      description = "Temporal frontend (env RLL_TEMPORAL_TARGET; default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--temporal-namespace",
      paramLabel = "<namespace>",
      defaultValue = "${env:RLL_TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env RLL_TEMPORAL_NAMESPACE; default: ${DEFAULT-VALUE}).")
  String namespace;

  /** Connects, waiting up to 10 s for the frontend to answer. */
  public TemporalConnection connect() {
    return connect(CONNECT_TIMEOUT);
  }

  /** Connects, waiting up to {@code timeout} for the frontend to answer. */
  public TemporalConnection connect(Duration timeout) {
    return TemporalConnection.open(target, namespace, timeout);
  }

  /** Connects, waiting up to 10 s, the SDK reporting its metrics into {@code metrics}. */
  public TemporalConnection connect(Scope metrics) {
    return TemporalConnection.open(target, namespace, CONNECT_TIMEOUT, metrics);
  }

  /** The frontend's {@code host:port}. */
  public String target() {
    return target;
  }
}
