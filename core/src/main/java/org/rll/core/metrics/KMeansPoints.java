package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.rll.core.exceptions.ValidationException;

/**
 * A validated host copy of the N x d points being clustered, row-major, with the exact
 * double-precision arithmetic k-means needs on the host: centre means and point-to-centre
 * distances.
 */
final class KMeansPoints {
  private final float[] values;
  private final int count;
  private final int dimension;

  private KMeansPoints(float[] values, int count, int dimension) {
    this.values = values;
    this.count = count;
    this.dimension = dimension;
  }

  /** Validates {@code points} for clustering into {@code k} groups and copies them to the host. */
  static KMeansPoints copyOf(NDArray points, int k) {
    Shape shape = points.getShape();
    ValidationException.check(
        shape.dimension() == 2, "points must be a 2-D N x d array, got shape %s", shape);
    ValidationException.check(
        points.getDataType() == DataType.FLOAT32,
        "points must be float32, got %s",
        points.getDataType());
    ValidationException.check(
        shape.get(1) >= 1, "points must have at least one column, got shape %s", shape);
    ValidationException.check(
        k <= shape.get(0), "k = %d exceeds the number of points %d", k, shape.get(0));
    int count = Math.toIntExact(shape.get(0));
    int dimension = Math.toIntExact(shape.get(1));
    float[] values = points.toFloatArray();
    for (int i = 0; i < values.length; i++) {
      ValidationException.check(
          Float.isFinite(values[i]),
          "points row %d column %d is not finite: %s",
          i / dimension,
          i % dimension,
          values[i]);
    }
    return new KMeansPoints(values, count, dimension);
  }

  int count() {
    return count;
  }

  int dimension() {
    return dimension;
  }

  /** The given rows, concatenated row-major. */
  float[] rows(int[] indices) {
    float[] out = new float[indices.length * dimension];
    for (int r = 0; r < indices.length; r++) {
      System.arraycopy(values, indices[r] * dimension, out, r * dimension, dimension);
    }
    return out;
  }

  /** Copies row {@code index} into row {@code target} of the row-major {@code centres}. */
  void copyRow(int index, float[] centres, int target) {
    System.arraycopy(values, index * dimension, centres, target * dimension, dimension);
  }

  /** The squared norm of every point, in doubles. */
  double[] squaredNorms() {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      double sum = 0;
      for (int j = i * dimension; j < (i + 1) * dimension; j++) {
        sum += (double) values[j] * values[j];
      }
      out[i] = sum;
    }
    return out;
  }

  /** The squared distance of every point to its assigned centre, summed in doubles. */
  double[] squaredDistances(float[] centres, int[] assignments) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      int row = i * dimension;
      int centre = assignments[i] * dimension;
      double sum = 0;
      for (int j = 0; j < dimension; j++) {
        double diff = (double) values[row + j] - centres[centre + j];
        sum += diff * diff;
      }
      out[i] = sum;
    }
    return out;
  }

  /**
   * Per-cluster sums of the assigned points (row-major k x d, in doubles) and their counts, the
   * counts stored in {@code counts}.
   */
  double[] clusterSums(int[] assignments, int[] counts) {
    double[] sums = new double[counts.length * dimension];
    for (int i = 0; i < count; i++) {
      int cluster = assignments[i];
      counts[cluster]++;
      int row = i * dimension;
      int target = cluster * dimension;
      for (int j = 0; j < dimension; j++) {
        sums[target + j] += values[row + j];
      }
    }
    return sums;
  }
}
