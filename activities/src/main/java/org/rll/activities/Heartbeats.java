package org.rll.activities;

import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats for work that reports no progress of its own (decoding a dataset, scoring embeddings):
 * a daemon thread heartbeats {@code details} at a fixed period while the work runs, so the
 * activity's heartbeat timeout measures whether the worker is alive, not how long the step is.
 */
public final class Heartbeats {
  /** The period; well under the shortest heartbeat timeout of the stages. */
  static final Duration PERIOD = Duration.ofSeconds(5);

  private Heartbeats() {}

  /**
   * Runs {@code work} on this thread while another heartbeats {@code details} to {@code context}.
   */
  public static <T> T during(ActivityExecutionContext context, Object details, Callable<T> work)
      throws Exception {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "rll-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    try {
      timer.scheduleAtFixedRate(
          () -> beat(context, details), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
      return work.call();
    } finally {
      timer.shutdownNow();
    }
  }

  /** One heartbeat; a cancellation it reports is left to the activity's own next heartbeat. */
  private static void beat(ActivityExecutionContext context, Object details) {
    try {
      context.heartbeat(details);
    } catch (RuntimeException e) {
      // The work itself notices cancellation where it can stop cleanly.
    }
  }
}
