package org.rll.core.dataset.prepare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Runs one task per index on a few threads; results come back in index order. */
final class Parallel {
  private Parallel() {}

  /**
   * {@code task(0) .. task(count - 1)} on {@code threads} threads. The first failure stops the
   * remaining work and is rethrown.
   */
  static <T> List<T> map(int count, int threads, IntFunction<T> task) {
    Object[] results = new Object[count];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < Math.min(threads, count); t++) {
        workers.add(
            pool.submit(
                () -> {
                  try {
                    for (int i = next.getAndIncrement();
                        i < count && !failed.get();
                        i = next.getAndIncrement()) {
                      results[i] = task.apply(i);
                    }
                  } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                  }
                }));
      }
      for (Future<?> worker : workers) {
        await(worker);
      }
    } finally {
      pool.shutdownNow();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(results);
    return list;
  }

  private static void await(Future<?> worker) {
    try {
      worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing a dataset", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) e.getCause();
    }
  }
}
