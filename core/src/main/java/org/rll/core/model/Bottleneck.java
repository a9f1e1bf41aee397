package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;

/**
 * torchvision's ResNet bottleneck (v1.5: the stride sits on the 3x3 convolution): 1x1, 3x3, 1x1
 * convolutions with BatchNorm, plus a shortcut that is a 1x1 convolution and BatchNorm ({@code
 * downsample}) when the shape changes, then ReLU of the sum.
 */
public final class Bottleneck extends AbstractBlock {
  private static final int EXPANSION = 4;

  private final TappedSequence residual;
  private final Block downsample;

  Bottleneck(int inChannels, int planes, int stride) {
    residual =
        new TappedSequence()
            .add("conv1", Layers.conv(planes, 1, 1, 0, false))
            .add("bn1", Layers.batchNorm())
            .add("relu1", Layers.relu())
            .add("conv2", Layers.conv(planes, 3, stride, 1, false))
            .add("bn2", Layers.batchNorm())
            .add("relu2", Layers.relu())
            .add("conv3", Layers.conv(planes * EXPANSION, 1, 1, 0, false))
            .add("bn3", Layers.batchNorm());
    addChildBlock("", residual);
    if (stride != 1 || inChannels != planes * EXPANSION) {
      downsample =
          addChildBlock(
              "downsample",
              new TappedSequence()
                  .add("0", Layers.conv(planes * EXPANSION, 1, stride, 0, false))
                  .add("1", Layers.batchNorm()));
    } else {
      downsample = null;
    }
  }

  /** The 1x1, 3x3, 1x1 convolutions with their BatchNorms, without the final ReLU. */
  public TappedSequence residual() {
    return residual;
  }

  /** The shortcut's 1x1 convolution and BatchNorm, or empty where the shortcut is the input. */
  public Optional<Block> downsample() {
    return Optional.ofNullable(downsample);
  }

  static int outChannels(int planes) {
    return planes * EXPANSION;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray out = residual.forward(store, inputs, training, params).singletonOrThrow();
    NDArray shortcut =
        downsample == null
            ? inputs.singletonOrThrow()
            : downsample.forward(store, inputs, training, params).singletonOrThrow();
    return new NDList(ai.djl.nn.Activation.relu(out.add(shortcut)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return residual.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    residual.initialize(manager, dataType, inputShapes);
    if (downsample != null) {
      downsample.initialize(manager, dataType, inputShapes);
    }
  }
}
