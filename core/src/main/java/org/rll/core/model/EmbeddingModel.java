package org.rll.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * A backbone with one embedding head per chosen level (the paper's L, M, H): global average
 * pooling, a linear layer of {@code dim} units, then L2 normalisation. The output holds one
 * embedding per head, in the order the heads were chosen.
 *
 * <p>The backbone keeps its own parameter names ({@code conv1.weight}, ...), so pretrained weights
 * load into it unchanged; head {@code X} is named {@code embed_X}.
 */
public final class EmbeddingModel extends AbstractBlock {
  private static final int[] SPATIAL = {2};

  private final TappedSequence backbone;
  private final List<String> chosen;
  private final int[] headLevels;
  private final List<Linear> heads = new ArrayList<>();
  private final int dim;

  /**
   * @param backbone a sequence whose taps are the feature maps of {@code levels}, in that order
   * @param levels the names of the backbone's taps
   * @param chosen the levels that get a head
   * @param dim units of each head
   */
  public EmbeddingModel(
      TappedSequence backbone, List<String> levels, List<String> chosen, int dim) {
    ValidationException.check(dim >= 1, "embedding dim must be >= 1, got %d", dim);
    ValidationException.check(!chosen.isEmpty(), "at least one embedding head is needed");
    ValidationException.check(
        chosen.stream().distinct().count() == chosen.size(), "heads repeat a level: %s", chosen);
    this.backbone = addChildBlock("", backbone);
    this.chosen = List.copyOf(chosen);
    this.headLevels = new int[chosen.size()];
    this.dim = dim;
    for (int h = 0; h < chosen.size(); h++) {
      String level = chosen.get(h);
      headLevels[h] = levels.indexOf(level);
      ValidationException.check(
          headLevels[h] >= 0, "unknown head level '%s'; this backbone has %s", level, levels);
      heads.add(addChildBlock("embed_" + level, Linear.builder().setUnits(dim).build()));
    }
  }

  /** The levels that have a head, in output order, such as {@code [L, M, H]}. */
  public List<String> heads() {
    return chosen;
  }

  /** Units of each head. */
  public int dim() {
    return dim;
  }

  /** The backbone, whose outputs are the feature maps of its levels. */
  public TappedSequence backbone() {
    return backbone;
  }

  /** Which of the backbone's outputs head {@code head} reads. */
  public int headInput(int head) {
    return headLevels[head];
  }

  /** The linear layer of head {@code head}; pooling before and normalisation after are fixed. */
  public Linear headLayer(int head) {
    return heads.get(head);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList features = backbone.forward(store, inputs, training, params);
    NDList embeddings = new NDList(heads.size());
    for (int h = 0; h < heads.size(); h++) {
      NDArray map = features.get(headLevels[h]);
      NDArray pooled = map.reshape(map.getShape().get(0), map.getShape().get(1), -1).mean(SPATIAL);
      NDArray projected =
          heads.get(h).forward(store, new NDList(pooled), training).singletonOrThrow();
      embeddings.add(projected.normalize(2, 1));
    }
    return embeddings;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] out = new Shape[heads.size()];
    java.util.Arrays.fill(out, new Shape(inputShapes[0].get(0), dim));
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    backbone.initialize(manager, dataType, inputShapes);
    Shape[] features = backbone.getOutputShapes(inputShapes);
    for (int h = 0; h < heads.size(); h++) {
      Shape map = features[headLevels[h]];
      heads.get(h).initialize(manager, dataType, new Shape(map.get(0), map.get(1)));
    }
  }
}
