package org.rll.core.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * The small convolutional backbone for 28x28 grayscale data: three 3x3 convolutions (32, 64, 128
 * channels) with BatchNorm and ReLU, max pooling after the first two. Its levels L, M, H are the
 * outputs of the three stages; a 128-unit head on H gives the offline demo's net.
 */
public final class SmallConvNet {
  /** The levels this backbone exposes, shallow to deep. */
  public static final List<String> LEVELS = List.of("L", "M", "H");

  private SmallConvNet() {}

  /** A fresh, uninitialised backbone. */
  public static TappedSequence backbone() {
    return new TappedSequence()
        .add("conv1", conv(32))
        .add("bn1", BatchNorm.builder().build())
        .add("relu1", Activation.reluBlock())
        .addTapped("pool1", maxPool())
        .add("conv2", conv(64))
        .add("bn2", BatchNorm.builder().build())
        .add("relu2", Activation.reluBlock())
        .addTapped("pool2", maxPool())
        .add("conv3", conv(128))
        .add("bn3", BatchNorm.builder().build())
        .addTapped("relu3", Activation.reluBlock());
  }

  private static Block conv(int filters) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(filters)
        .optBias(false)
        .build();
  }

  private static Block maxPool() {
    return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
  }
}
