package org.rll.workstation.faults;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A server taken down for a while: {@link #begin} stops it now and starts it again, on the same
 * port and data, after the outage's length, on a thread of its own.
 *
 * @param <S> the server
 */
final class Outage<S extends AutoCloseable> implements AutoCloseable {
  private final Duration length;
  private final Callable<S> restart;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile S server;
  private Future<?> restarted;

  /** An outage of {@code length} of {@code server}, which {@code restart} starts again. */
  Outage(S server, Duration length, Callable<S> restart) {
    this.server = server;
    this.length = length;
    this.restart = restart;
  }

  /** Stops the server; it is started again after the outage's length. Once only. */
  synchronized void begin() throws Exception {
    if (restarted != null) {
      return;
    }
    server.close();
    restarted =
        timer.schedule(
            () -> {
              server = restart.call();
              return null;
            },
            length.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Whether the outage has begun. */
  synchronized boolean begun() {
    return restarted != null;
  }

  /** Waits for the restart, if an outage began, then stops the server. */
  @Override
  public void close() throws Exception {
    if (restarted != null) {
      restarted.get();
    }
    timer.shutdownNow();
    server.close();
  }
}
