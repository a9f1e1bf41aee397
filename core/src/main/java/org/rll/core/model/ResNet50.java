package org.rll.core.model;

import java.util.List;

/**
 * ResNet-50 in torchvision's layout and parameter names ({@code layer3.4.conv2.weight}), so
 * torchvision's pretrained weights load directly. Levels L, M, H are the outputs of layer2, layer3
 * and layer4 (512, 1,024 and 2,048 channels).
 */
public final class ResNet50 {
  /** The levels this backbone exposes, shallow to deep. */
  public static final List<String> LEVELS = List.of("L", "M", "H");

  private static final int[] BLOCKS = {3, 4, 6, 3};
  private static final int[] PLANES = {64, 128, 256, 512};

  private ResNet50() {}

  /** A fresh, uninitialised backbone for NCHW RGB input. */
  public static TappedSequence backbone() {
    TappedSequence net =
        new TappedSequence()
            .add("conv1", Layers.conv(64, 7, 2, 3, false))
            .add("bn1", Layers.batchNorm())
            .add("relu", Layers.relu())
            .add("maxpool", Layers.maxPool(3, 2, 1, false));
    int channels = 64;
    for (int layer = 0; layer < BLOCKS.length; layer++) {
      TappedSequence blocks = new TappedSequence();
      for (int b = 0; b < BLOCKS[layer]; b++) {
        int stride = (b == 0 && layer > 0) ? 2 : 1;
        blocks.add(Integer.toString(b), new Bottleneck(channels, PLANES[layer], stride));
        channels = Bottleneck.outChannels(PLANES[layer]);
      }
      String name = "layer" + (layer + 1);
      if (layer == 0) {
        net.add(name, blocks);
      } else {
        net.addTapped(name, blocks);
      }
    }
    return net;
  }
}
