package org.rll.core.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Named blocks run one after another, like PyTorch's {@code nn.Sequential} with names. With taps,
 * it returns the outputs of the tapped children in order (the feature maps that embedding heads
 * read); without, the last child's output.
 */
public final class TappedSequence extends AbstractBlock {
  private final List<Block> blocks = new ArrayList<>();
  private final List<Boolean> tapped = new ArrayList<>();
  private final Set<String> names = new HashSet<>();

  /**
   * Appends a child under {@code name}, its parameters' name prefix; an empty name adds no prefix,
   * for ports whose parameter names are flat.
   */
  public TappedSequence add(String name, Block block) {
    return add(name, block, false);
  }

  /** Appends a child whose output is one of this sequence's outputs. */
  public TappedSequence addTapped(String name, Block block) {
    return add(name, block, true);
  }

  private TappedSequence add(String name, Block block, boolean tap) {
    if (!name.isEmpty() && !names.add(name)) {
      throw new IllegalArgumentException("duplicate child name " + name);
    }
    blocks.add(addChildBlock(name, block));
    tapped.add(tap);
    return this;
  }

  /** The children, in the order they run. */
  public List<Block> blocks() {
    return List.copyOf(blocks);
  }

  /** Whether the output of child {@code index} is one of this sequence's outputs. */
  public boolean isTapped(int index) {
    return tapped.get(index);
  }

  /** Whether the sequence returns its tapped outputs rather than its last child's output. */
  public boolean hasTaps() {
    return tapped.contains(Boolean.TRUE);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList current = inputs;
    NDList outputs = new NDList();
    for (int i = 0; i < blocks.size(); i++) {
      current = blocks.get(i).forward(store, current, training, params);
      if (tapped.get(i)) {
        outputs.addAll(current);
      }
    }
    return hasTaps() ? outputs : current;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] current = inputShapes;
    List<Shape> outputs = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      current = blocks.get(i).getOutputShapes(current);
      if (tapped.get(i)) {
        outputs.addAll(List.of(current));
      }
    }
    return hasTaps() ? outputs.toArray(Shape[]::new) : current;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] current = inputShapes;
    for (Block block : blocks) {
      block.initialize(manager, dataType, current);
      current = block.getOutputShapes(current);
    }
  }
}
