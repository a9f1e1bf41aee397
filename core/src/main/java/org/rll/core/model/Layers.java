package org.rll.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/** The layers backbones are made of, with PyTorch's defaults (BatchNorm eps 1e-5, momentum 0.1). */
final class Layers {
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
    return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
  }

  static Block relu() {
    return Activation.reluBlock();
  }

  /** Max pooling; {@code ceil} rounds the output size up, as Caffe-born ports do. */
  static Block maxPool(int kernel, int stride, int padding, boolean ceil) {
    return Pool.maxPool2dBlock(
        new Shape(kernel, kernel), new Shape(stride, stride), new Shape(padding, padding), ceil);
  }

  /** 3x3 average pooling at stride 1 that keeps the size, padding counted (Caffe's semantics). */
  static Block sameAvgPool() {
    return Pool.avgPool2dBlock(new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), true, true);
  }
}
