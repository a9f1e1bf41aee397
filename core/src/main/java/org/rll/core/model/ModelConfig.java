package org.rll.core.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import org.rll.core.exceptions.ValidationException;

/**
 * Which network to train: a backbone, the levels that get an embedding head, and the embedding size
 * of each head. The paper: BN-Inception with heads at L, M and H of 512 units each.
 *
 * @param backbone the backbone
 * @param heads the levels with a head, each one of the backbone's levels, without repeats
 * @param embeddingDim units of each head
 */
public record ModelConfig(Backbone backbone, List<String> heads, int embeddingDim) {
  public ModelConfig {
    ValidationException.check(backbone != null, "model config needs a backbone");
    heads = List.copyOf(heads);
    ValidationException.check(!heads.isEmpty(), "model config needs at least one head");
    for (String head : heads) {
      ValidationException.check(
          backbone.levels().contains(head),
          "head '%s' is not a level of %s; its levels are %s",
          head,
          backbone.cliName(),
          backbone.levels());
    }
    ValidationException.check(
        heads.stream().distinct().count() == heads.size(), "heads repeat a level: %s", heads);
    ValidationException.check(
        embeddingDim >= 1 && embeddingDim <= 65_536,
        "embedding dim must be in [1, 65536], got %d",
        embeddingDim);
  }

  /** The paper's network: BN-Inception, heads L, M, H, 512-d each. */
  public static ModelConfig paper() {
    return new ModelConfig(Backbone.BN_INCEPTION, List.of("L", "M", "H"), 512);
  }

  /** The offline demo's network: the small conv net with one 128-d head on H. */
  public static ModelConfig demo() {
    return new ModelConfig(Backbone.SMALL_CONV, List.of("H"), 128);
  }

  /** A new model, its parameters initialised for {@code batch} inputs of the backbone's size. */
  public EmbeddingModel build(NDManager manager, int batch) {
    EmbeddingModel model =
        new EmbeddingModel(backbone.create(), backbone.levels(), heads, embeddingDim);
    int side = backbone.inputSize();
    model.initialize(manager, DataType.FLOAT32, new Shape(batch, backbone.channels(), side, side));
    return model;
  }

  /** The canonical text of this config, part of a run's identity. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "model(%s, heads=%s, dim=%d)", backbone.cliName(), heads, embeddingDim);
  }
}
