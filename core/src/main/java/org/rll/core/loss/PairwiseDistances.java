package org.rll.core.loss;

import ai.djl.ndarray.NDArray;

/** Differentiable Euclidean distances between the rows of two embedding matrices. */
public final class PairwiseDistances {
  /**
   * Squared distances are clamped at this before the square root, so d (at least 1e-6) has a finite
   * derivative even between identical embeddings, where the Gram expansion gives 0 or a tiny
   * negative number.
   */
  public static final double SQUARED_DISTANCE_FLOOR = 1e-12;

  private PairwiseDistances() {}

  /**
   * d_ij = ||rows_i - columns_j|| by the Gram expansion |a|^2 + |b|^2 - 2 a.b, one matrix product.
   *
   * <p>No operation on this differentiable path takes a scalar operand that autograd saves for the
   * backward pass ({@code mul(Number)}, {@code maximum(Number)}): DJL turns such scalars into
   * tensors over Java-owned buffers, which the garbage collector may free once the caller's scope
   * closes and before backward reads them. Doubling is an addition and the floor is a {@code clip},
   * whose bounds stay native scalars.
   */
  public static NDArray euclidean(NDArray rows, NDArray columns) {
    return squaredEuclidean(rows, columns).sqrt();
  }

  /** d_ij^2, floored at {@link #SQUARED_DISTANCE_FLOOR}, as {@link #euclidean} computes it. */
  public static NDArray squaredEuclidean(NDArray rows, NDArray columns) {
    NDArray rowNorms = rows.square().sum(new int[] {1}, true);
    NDArray columnNorms = columns.square().sum(new int[] {1}, true).transpose();
    NDArray gram = rows.matMul(columns.transpose());
    return rowNorms
        .add(columnNorms)
        .sub(gram.add(gram))
        .clip(SQUARED_DISTANCE_FLOOR, Float.MAX_VALUE);
  }
}
