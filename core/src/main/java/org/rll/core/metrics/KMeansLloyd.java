package org.rll.core.metrics;

import java.util.Arrays;

/**
 * Lloyd's iterations from given seeds, with the stopping and empty-cluster rules documented on
 * {@link KMeans}: the assignment step on the device ({@link KMeansAssigner}), the exact distances
 * and the update step on the host in doubles (one pass each over the host copy; deterministic on
 * every device, unlike atomic scatter-adds on a GPU). A donor of a re-seeded empty cluster keeps
 * its mean; the next assignment step settles both.
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
