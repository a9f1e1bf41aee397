package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel branches over the same input whose outputs are concatenated along the channels: an
 * Inception module. Branches add no name segment, so their layers keep the port's flat names.
 */
public final class ConcatBranches extends AbstractBlock {
  private final List<Block> branches = new ArrayList<>();

  ConcatBranches add(Block branch) {
    branches.add(addChildBlock("", branch));
    return this;
  }

  /** The branches, in the order their outputs are concatenated. */
  public List<Block> branches() {
    return List.copyOf(branches);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList outputs = new NDList(branches.size());
    for (Block branch : branches) {
      outputs.add(branch.forward(store, inputs, training, params).singletonOrThrow());
    }
    NDArray joined = NDArrays.concat(outputs, 1);
    return new NDList(joined);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long channels = 0;
    Shape first = null;
    for (Block branch : branches) {
      Shape out = branch.getOutputShapes(inputShapes)[0];
      channels += out.get(1);
      first = out;
    }
    return new Shape[] {new Shape(first.get(0), channels, first.get(2), first.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block branch : branches) {
      branch.initialize(manager, dataType, inputShapes);
    }
  }
}
