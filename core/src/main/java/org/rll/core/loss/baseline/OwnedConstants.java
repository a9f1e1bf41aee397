package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Constant arrays whose memory the engine owns. A constant that multiplies a differentiable array
 * is saved for the backward pass; DJL backs {@code mul(Number)} operands and freshly created arrays
 * with Java direct buffers, which the garbage collector may free before backward runs. A typed copy
 * is made by the engine and lives as long as autograd needs it.
 */
final class OwnedConstants {
  private OwnedConstants() {}

  /** The 0-d array {@code value} in {@code type}. */
  static NDArray scalar(NDManager manager, double value, DataType type) {
    return manager.create(value).toType(type, true);
  }

  /** The array of {@code values} (row-major) in {@code shape} and {@code type}. */
  static NDArray array(NDManager manager, double[] values, Shape shape, DataType type) {
    return manager.create(values, shape).toType(type, true);
  }
}
