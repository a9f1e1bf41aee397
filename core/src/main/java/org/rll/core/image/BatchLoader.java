package org.rll.core.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.ValidationException;

/**
 * Decodes and preprocesses the batches of a range of iterations, in order, on a pool of decode
 * threads, keeping at most {@code prefetch} batches in work ahead of the one last returned.
 *
 * <p>Back-pressure is built in: a batch is only handed to the threads when {@link #next()} frees a
 * place, so a slow consumer never makes the loader run ahead. Each image of a batch is one task,
 * writing its own slice of the batch, and its random crop and flip come from (seed, iteration,
 * position): the values do not depend on the thread count, on the order in which images finish, or
 * on the iteration the loader starts from. Memory: {@code prefetch + 1} batches.
 *
 * <p>Not thread-safe: one consumer calls {@link #next()}. Closing stops the threads.
 */
public final class BatchLoader implements AutoCloseable {
  private static final AtomicInteger LOADERS = new AtomicInteger();

  private final List<String> keys;
  private final ImageSource source;
  private final ImageTransform transform;
  private final long seed;
  private final IntFunction<int[]> batches;
  private final int end;
  private final int prefetch;
  private final ExecutorService pool;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final ArrayDeque<PendingBatch> pending = new ArrayDeque<>();
  private int nextToSubmit;
  private int nextToReturn;
  private boolean closed;

  private BatchLoader(Builder builder) {
    ValidationException.check(builder.keys != null, "keys must be set");
    ValidationException.check(builder.source != null, "source must be set");
    ValidationException.check(builder.transform != null, "transform must be set");
    ValidationException.check(builder.seed != null, "seed must be set");
    ValidationException.check(builder.batches != null, "batches must be set");
    ValidationException.check(
        builder.first >= 0 && builder.first <= builder.end,
        "iterations must be a range 0 <= first <= end, got [%d, %d)",
        builder.first,
        builder.end);
    ValidationException.check(
        builder.threads > 0, "threads must be positive, got %d", builder.threads);
    ValidationException.check(
        builder.prefetch > 0, "prefetch must be positive, got %d", builder.prefetch);
    this.keys = List.copyOf(builder.keys);
    this.source = builder.source;
    this.transform = new ImageTransform(builder.transform);
    this.seed = builder.seed;
    this.batches = builder.batches;
    this.end = builder.end;
    this.prefetch = builder.prefetch;
    this.nextToSubmit = builder.first;
    this.nextToReturn = builder.first;
    this.pool = Executors.newFixedThreadPool(builder.threads, daemonThreads(threads));
    fill();
  }

  /** A builder; keys, source, transform, seed, batches and iterations are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether an iteration of the range is still to be returned. */
  public boolean hasNext() {
    return nextToReturn < end;
  }

  /**
   * The batch of the next iteration, waiting for it to be decoded.
   *
   * @throws RllException the first failure of an image of the batch, naming its key
   * @throws NoSuchElementException past the last iteration
   */
  public ImageBatch next() {
    ValidationException.check(!closed, "the loader is closed");
    if (!hasNext()) {
      throw new NoSuchElementException("no iteration after " + (end - 1));
    }
    ImageBatch batch = pending.removeFirst().await();
    nextToReturn++;
    fill();
    return batch;
  }

  /** Stops the decode threads, abandoning batches in work, and waits for them to end. */
  @Override
  public void close() {
    closed = true;
    pool.shutdownNow();
    try {
      // Joined, not just awaited: the pool reports termination before its threads have exited.
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fill() {
    while (nextToSubmit < end && nextToSubmit < nextToReturn + prefetch) {
      pending.addLast(submit(nextToSubmit++));
    }
  }

  private PendingBatch submit(int iteration) {
    int[] indices = batches.apply(iteration);
    for (int index : indices) {
      ValidationException.check(
          index >= 0 && index < keys.size(),
          "iteration %d: image index %d outside [0, %d)",
          iteration,
          index,
          keys.size());
    }
    int imageFloats = transform.config().imageFloats();
    float[] values = new float[indices.length * imageFloats];
    List<Future<?>> images = new ArrayList<>(indices.length);
    for (int position = 0; position < indices.length; position++) {
      String key = keys.get(indices[position]);
      int slot = position;
      images.add(pool.submit(() -> decode(key, iteration, slot, values, slot * imageFloats)));
    }
    return new PendingBatch(new ImageBatch(iteration, indices, values, transform.config()), images);
  }

  private void decode(String key, int iteration, int position, float[] values, int offset) {
    try {
      transform.apply(source.load(key), seed, iteration, position, values, offset);
    } catch (RllException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptDataException(key + ": cannot load image: " + e, e);
    }
  }

  private static ThreadFactory daemonThreads(List<Thread> created) {
    String prefix = "rll-image-decode-" + LOADERS.incrementAndGet() + "-";
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      created.add(thread);
      return thread;
    };
  }

  /** Builds a {@link BatchLoader}. */
  public static final class Builder {
    private List<String> keys;
    private ImageSource source;
    private ImageTransformConfig transform;
    private Long seed;
    private IntFunction<int[]> batches;
    private int first;
    private int end = -1;
    private int threads = 1;
    private int prefetch = 2;

    private Builder() {}

    /** The image key of every dataset index (required). */
    public Builder setKeys(List<String> keys) {
      this.keys = keys;
      return this;
    }

    /** Where the images come from (required). */
    public Builder setSource(ImageSource source) {
      this.source = source;
      return this;
    }

    /** The preprocessing (required). */
    public Builder setTransform(ImageTransformConfig transform) {
      this.transform = transform;
      return this;
    }

    /** The seed of the per-sample crops and flips (required). */
    public Builder setSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The dataset indices of each iteration's batch, such as {@code manifest::batch} (required).
     */
    public Builder setBatches(IntFunction<int[]> batches) {
      this.batches = batches;
      return this;
    }

    /** The iterations to load: {@code first} (inclusive) to {@code end} (exclusive) (required). */
    public Builder setIterations(int first, int end) {
      this.first = first;
      this.end = end;
      return this;
    }

    /** The number of decode threads (default 1). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The most batches in work ahead of the one last returned (default 2). */
    public Builder optPrefetch(int prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /** Validates the settings, starts the threads and the first {@code prefetch} batches. */
    public BatchLoader build() {
      return new BatchLoader(this);
    }
  }
}
