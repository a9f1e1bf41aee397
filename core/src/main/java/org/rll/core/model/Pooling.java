package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.rll.core.exceptions.ValidationException;

/**
 * Square 2-D max or average pooling with PyTorch's semantics, keeping its settings readable so the
 * network can be translated to other runtimes (ONNX). An average divides by the whole window,
 * padding included (Caffe's semantics): DJL's PyTorch engine computes that whatever its {@code
 * countIncludePad} flag says, so no other choice is offered.
 */
public final class Pooling extends AbstractBlock {
  /** Which value a window reduces to. */
  public enum Kind {
    MAX,
    AVERAGE
  }

  private final Kind kind;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final boolean ceil;

  /**
   * @param kind max or average
   * @param kernel the window's side
   * @param stride the step between windows
   * @param padding implicit padding on every side
   * @param ceil whether the output size rounds up (Caffe-born ports) rather than down
   */
  public Pooling(Kind kind, int kernel, int stride, int padding, boolean ceil) {
    ValidationException.check(
        kernel >= 1 && stride >= 1 && padding >= 0 && padding <= kernel / 2,
        "pooling needs kernel >= 1, stride >= 1, 0 <= padding <= kernel/2; got %d, %d, %d",
        kernel,
        stride,
        padding);
    this.kind = kind;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.ceil = ceil;
  }

  public Kind kind() {
    return kind;
  }

  public int kernel() {
    return kernel;
  }

  public int stride() {
    return stride;
  }

  public int padding() {
    return padding;
  }

  public boolean ceil() {
    return ceil;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape window = new Shape(kernel, kernel);
    Shape step = new Shape(stride, stride);
    Shape pad = new Shape(padding, padding);
    return new NDList(
        kind == Kind.MAX
            ? Pool.maxPool2d(x, window, step, pad, ceil)
            : Pool.avgPool2d(x, window, step, pad, ceil, true));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(in.get(0), in.get(1), outputSize(in.get(2)), outputSize(in.get(3)))
    };
  }

  /** PyTorch's rule: with ceil, a last window that would start in the right padding is dropped. */
  private long outputSize(long in) {
    long span = in + 2L * padding - kernel;
    long out = (ceil ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
    if (ceil && (out - 1) * stride >= in + padding) {
      out--;
    }
    return out;
  }
}
