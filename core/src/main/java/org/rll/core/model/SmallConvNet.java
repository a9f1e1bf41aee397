package org.rll.core.model;

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
        .add("conv1", Layers.conv(32, 3, 1, 1, false))
        .add("bn1", Layers.batchNorm())
        .add("relu1", Layers.relu())
        .addTapped("pool1", Layers.maxPool(2, 2, 0, false))
        .add("conv2", Layers.conv(64, 3, 1, 1, false))
        .add("bn2", Layers.batchNorm())
        .add("relu2", Layers.relu())
        .addTapped("pool2", Layers.maxPool(2, 2, 0, false))
        .add("conv3", Layers.conv(128, 3, 1, 1, false))
        .add("bn3", Layers.batchNorm())
        .addTapped("relu3", Layers.relu());
  }
}
