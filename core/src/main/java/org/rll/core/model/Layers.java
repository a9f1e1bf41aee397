package org.rll.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The layers backbones are made of, with PyTorch's defaults (BatchNorm eps 1e-5, momentum 0.1). */
public final class Layers {
  /** The epsilon of every BatchNorm in rll's backbones, added to the variance. */
  public static final float BATCH_NORM_EPSILON = 1e-5f;

  private Layers() {}

  static Block conv(int filters, int kernel, int stride, int padding, boolean bias) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .setFilters(filters)
        .optBias(bias)
        .build();
  }

  static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).optMomentum(0.9f).build();
  }

  static Block relu() {
    return new Relu();
  }

  /** Max pooling; {@code ceil} rounds the output size up, as Caffe-born ports do. */
  static Block maxPool(int kernel, int stride, int padding, boolean ceil) {
    return new Pooling(Pooling.Kind.MAX, kernel, stride, padding, ceil);
  }

  /** 3x3 average pooling at stride 1 that keeps the size, padding counted (Caffe's semantics). */
  static Block sameAvgPool() {
    return new Pooling(Pooling.Kind.AVERAGE, 3, 1, 1, true);
  }
}
