package org.rll.core.model;

import java.util.List;

/**
 * BN-Inception (GoogLeNet V2 with BatchNorm), the paper's backbone, in the layout and flat
 * parameter names of the widely used PyTorch port ({@code
 * inception_4e_double_3x3_1_bn.running_var}), so its ImageNet weights load directly. Levels L, M, H
 * are the outputs of inception_3c, 4e and 5b (576, 1,056 and 1,024 channels), where the paper
 * attaches its three embedding heads.
 */
public final class BnInception {
  /** The levels this backbone exposes, shallow to deep. */
  public static final List<String> LEVELS = List.of("L", "M", "H");

  private static final List<InceptionSpec> MODULES =
      List.of(
          InceptionSpec.module("inception_3a", 64, 64, 64, 64, 96, 32),
          InceptionSpec.module("inception_3b", 64, 64, 96, 64, 96, 64),
          InceptionSpec.reduction("inception_3c", 128, 160, 64, 96),
          InceptionSpec.module("inception_4a", 224, 64, 96, 96, 128, 128),
          InceptionSpec.module("inception_4b", 192, 96, 128, 96, 128, 128),
          InceptionSpec.module("inception_4c", 160, 128, 160, 128, 160, 128),
          InceptionSpec.module("inception_4d", 96, 128, 192, 160, 192, 128),
          InceptionSpec.reduction("inception_4e", 128, 192, 192, 256),
          InceptionSpec.module("inception_5a", 352, 192, 320, 160, 224, 128),
          InceptionSpec.module("inception_5b", 352, 192, 320, 192, 224, 128).withMaxPool());
  private static final List<String> TAPPED =
      List.of("inception_3c", "inception_4e", "inception_5b");

  private BnInception() {}

  /** A fresh, uninitialised backbone for NCHW BGR input in the 0-255 range. */
  public static TappedSequence backbone() {
    TappedSequence net = new TappedSequence();
    unit(net, "conv1_7x7_s2", 64, 7, 2, 3);
    net.add("pool1_3x3_s2", Layers.maxPool(3, 2, 0, true));
    unit(net, "conv2_3x3_reduce", 64, 1, 1, 0);
    unit(net, "conv2_3x3", 192, 3, 1, 1);
    net.add("pool2_3x3_s2", Layers.maxPool(3, 2, 0, true));
    for (InceptionSpec spec : MODULES) {
      if (TAPPED.contains(spec.name())) {
        net.addTapped("", module(spec));
      } else {
        net.add("", module(spec));
      }
    }
    return net;
  }

  private static ConcatBranches module(InceptionSpec spec) {
    String n = spec.name();
    ConcatBranches branches = new ConcatBranches();
    if (spec.oneByOne() > 0) {
      branches.add(unit(new TappedSequence(), n + "_1x1", spec.oneByOne(), 1, 1, 0));
    }
    TappedSequence three = new TappedSequence();
    unit(three, n + "_3x3_reduce", spec.reduce(), 1, 1, 0);
    unit(three, n + "_3x3", spec.threeByThree(), 3, spec.stride(), 1);
    branches.add(three);
    TappedSequence twice = new TappedSequence();
    unit(twice, n + "_double_3x3_reduce", spec.doubleReduce(), 1, 1, 0);
    unit(twice, n + "_double_3x3_1", spec.doubleThreeByThree(), 3, 1, 1);
    unit(twice, n + "_double_3x3_2", spec.doubleThreeByThree(), 3, spec.stride(), 1);
    branches.add(twice);
    TappedSequence pool = new TappedSequence();
    if (spec.stride() == 2) {
      pool.add(n + "_pool", Layers.maxPool(3, 2, 0, true));
    } else {
      pool.add(n + "_pool", spec.maxPool() ? Layers.maxPool(3, 1, 1, true) : Layers.sameAvgPool());
      unit(pool, n + "_pool_proj", spec.poolProjection(), 1, 1, 0);
    }
    branches.add(pool);
    return branches;
  }

  /** Convolution {@code name}, BatchNorm {@code name_bn}, then ReLU, as the port names them. */
  private static TappedSequence unit(
      TappedSequence into, String name, int filters, int kernel, int stride, int padding) {
    return into.add(name, Layers.conv(filters, kernel, stride, padding, true))
        .add(name + "_bn", Layers.batchNorm())
        .add(name + "_relu", Layers.relu());
  }
}
