package org.rll.core.metrics;

import java.util.List;

/**
 * The best of a k-means run's restarts (lowest inertia, the earliest on ties) and a summary of
 * every restart. Accessors return copies.
 */
public final class KMeansResult {
  private final int[] assignments;
  private final float[][] centres;
  private final double inertia;
  private final int iterations;
  private final int bestRestart;
  private final List<KMeansRestartSummary> restarts;

  KMeansResult(
      int[] assignments,
      float[][] centres,
      double inertia,
      int iterations,
      int bestRestart,
      List<KMeansRestartSummary> restarts) {
    this.assignments = assignments;
    this.centres = centres;
    this.inertia = inertia;
    this.iterations = iterations;
    this.bestRestart = bestRestart;
    this.restarts = List.copyOf(restarts);
  }

  /** The cluster of every point, in {@code [0, k)}. */
  public int[] assignments() {
    return assignments.clone();
  }

  /** The k x d centres the assignments and inertia refer to. */
  public float[][] centres() {
    float[][] copy = new float[centres.length][];
    for (int c = 0; c < centres.length; c++) {
      copy[c] = centres[c].clone();
    }
    return copy;
  }

  /** Sum over points of the squared distance to their centre, computed in doubles. */
  public double inertia() {
    return inertia;
  }

  /** Lloyd iterations the best restart ran. */
  public int iterations() {
    return iterations;
  }

  /** Index of the restart that produced this result. */
  public int bestRestart() {
    return bestRestart;
  }

  /** One summary per restart, in restart order. */
  public List<KMeansRestartSummary> restarts() {
    return restarts;
  }
}
