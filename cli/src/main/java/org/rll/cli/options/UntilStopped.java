package org.rll.cli.options;

import java.util.concurrent.CountDownLatch;

/**
 * Keeps a long-running command (a worker, the dev stack) alive until the process gets SIGINT or
 * SIGTERM, then closes what it runs before the process exits.
 */
public final class UntilStopped {

  private UntilStopped() {}

  /** Blocks until a signal has stopped the process; {@code running} is closed on the way out. */
  public static void await(AutoCloseable running) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("rll: stopping: " + e.getMessage());
                  } finally {
                    closed.countDown();
                  }
                },
                "rll-shutdown"));
    closed.await();
  }
}
