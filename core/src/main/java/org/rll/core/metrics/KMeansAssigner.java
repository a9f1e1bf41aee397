package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The assignment step of Lloyd's algorithm on the points' device, in blocks of rows so that at most
 * {@code blockRows x k} distances exist at once.
 *
 * <p>The nearest centre of x minimises ||c||^2 - 2 x.c (||x||^2 is the same for every centre), so
 * each block is one matrix product, one broadcast add and one argmin; ties go to the lowest centre
 * index.
 */
final class KMeansAssigner {
  private final NDArray points;
  private final int count;
  private final int dimension;
  private final int blockRows;

  KMeansAssigner(NDArray points, int blockRows) {
    this.points = points;
    this.count = Math.toIntExact(points.getShape().get(0));
    this.dimension = Math.toIntExact(points.getShape().get(1));
    this.blockRows = blockRows;
  }

  /** The index of the nearest of the {@code k} row-major {@code centres} for every point. */
  int[] nearestCentres(float[] centres, int k) {
    int[] nearest = new int[count];
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray centreRows = manager.create(centres, new Shape(k, dimension));
      NDArray squaredNorms = centreRows.mul(centreRows).sum(new int[] {1});
      NDArray minusTwiceTransposed = centreRows.mul(-2f).transpose();
      for (int start = 0; start < count; start += blockRows) {
        int end = Math.min(count, start + blockRows);
        try (NDManager block = manager.newSubManager()) {
          NDArray rows = points.get(block, new NDIndex("{}:{}", start, end));
          long[] blockNearest =
              rows.matMul(minusTwiceTransposed).addi(squaredNorms).argMin(1).toLongArray();
          for (int i = 0; i < blockNearest.length; i++) {
            nearest[start + i] = (int) blockNearest[i];
          }
        }
      }
    }
    return nearest;
  }
}
