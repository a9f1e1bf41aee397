package org.rll.db;

import java.util.Arrays;

/**
 * A run's training log in columns of primitives, as charts take it and as a long log is cheapest to
 * read and send: 100,000 rows are six arrays, not 100,000 objects.
 */
public final class TrainingLogColumns {
  private long[] iteration = new long[1024];
  private double[] loss = new double[1024];
  private long[] minedPositives = new long[1024];
  private long[] minedNegatives = new long[1024];
  private double[] lr = new double[1024];
  private double[] imagesPerSecond = new double[1024];
  private int size;

  void add(long it, double l, long positives, long negatives, double rate, double speed) {
    if (size == iteration.length) {
      int grown = size * 2;
      iteration = Arrays.copyOf(iteration, grown);
      loss = Arrays.copyOf(loss, grown);
      minedPositives = Arrays.copyOf(minedPositives, grown);
      minedNegatives = Arrays.copyOf(minedNegatives, grown);
      lr = Arrays.copyOf(lr, grown);
      imagesPerSecond = Arrays.copyOf(imagesPerSecond, grown);
    }
    iteration[size] = it;
    loss[size] = l;
    minedPositives[size] = positives;
    minedNegatives[size] = negatives;
    lr[size] = rate;
    imagesPerSecond[size] = speed;
    size++;
  }

  /** The number of rows. */
  public int size() {
    return size;
  }

  public long iteration(int row) {
    return iteration[row];
  }

  public double loss(int row) {
    return loss[row];
  }

  public long minedPositives(int row) {
    return minedPositives[row];
  }

  public long minedNegatives(int row) {
    return minedNegatives[row];
  }

  public double lr(int row) {
    return lr[row];
  }

  public double imagesPerSecond(int row) {
    return imagesPerSecond[row];
  }
}
