package org.rll.core.metrics;

import java.util.Arrays;

/**
 * Lloyd's iterations from given seeds: the assignment step on the device ({@link KMeansAssigner}),
 * the update step on the host in doubles (one pass over the host copy; deterministic on every
 * device, unlike atomic scatter-adds on a GPU).
 *
 * <p>One iteration assigns every point to its nearest centre and measures the inertia exactly (sum
 * of squared distances, in doubles). It stops when the assignments equal the previous ones, when
 * the inertia changed by at most {@code tolerance} relative to the previous one, or after {@code
 * maxIterations}; otherwise the centres become the means of their points and the next iteration
 * starts. The outcome's centres are therefore the ones its assignments and inertia refer to.
 *
 * <p>Empty clusters: after the means, each empty cluster in increasing index order takes as its
 * centre the point farthest from its assigned centre (lowest index on ties), each point used at
 * most once per update. The donor cluster keeps its mean; the next assignment step settles both.
 */
final class KMeansLloyd {
  private final KMeansPoints points;
  private final KMeansAssigner assigner;
  private final int maxIterations;
  private final double tolerance;

  /** Assignments, the centres they refer to (row-major), inertia and iterations run. */
  record Outcome(int[] assignments, float[] centres, double inertia, int iterations) {}

  KMeansLloyd(KMeansPoints points, KMeansAssigner assigner, int maxIterations, double tolerance) {
    this.points = points;
    this.assigner = assigner;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  /** Runs from the {@code k} row-major {@code seeds}. */
  Outcome run(float[] seeds, int k) {
    float[] centres = seeds;
    int[] previous = null;
    double previousInertia = Double.NaN;
    for (int iteration = 1; ; iteration++) {
      int[] assignments = assigner.nearestCentres(centres, k);
      double[] distances = points.squaredDistances(centres, assignments);
      double inertia = Arrays.stream(distances).sum();
      boolean converged =
          previous != null
              && (Arrays.equals(assignments, previous)
                  || Math.abs(previousInertia - inertia) <= tolerance * previousInertia);
      if (converged || iteration == maxIterations) {
        return new Outcome(assignments, centres, inertia, iteration);
      }
      centres = updatedCentres(assignments, distances, k);
      previous = assignments;
      previousInertia = inertia;
    }
  }

  private float[] updatedCentres(int[] assignments, double[] distances, int k) {
    int dimension = points.dimension();
    int[] counts = new int[k];
    double[] sums = points.clusterSums(assignments, counts);
    float[] centres = new float[k * dimension];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < dimension; j++) {
        centres[c * dimension + j] = (float) (sums[c * dimension + j] / counts[c]);
      }
    }
    reseedEmptyClusters(counts, distances, centres);
    return centres;
  }

  private void reseedEmptyClusters(int[] counts, double[] distances, float[] centres) {
    double[] available = null;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        if (available == null) {
          available = distances.clone();
        }
        int farthest = 0;
        for (int i = 1; i < available.length; i++) {
          if (available[i] > available[farthest]) {
            farthest = i;
          }
        }
        points.copyRow(farthest, centres, c);
        available[farthest] = -1;
      }
    }
  }
}
