package org.rll.core.extract;

import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * What a finished extraction wrote, as {@code index.json} holds it: the settings it ran with, each
 * output's dimension and every shard's files with their sizes and SHA-256.
 *
 * @param plan the settings; a rerun with equal settings finds the work done
 * @param outputs the embedder's outputs, in its order
 * @param shards every shard, in gallery order
 */
public record EmbeddingIndex(
    ExtractionPlan plan, List<OutputDim> outputs, List<ShardEntry> shards) {
  public EmbeddingIndex {
    ValidationException.check(plan != null, "index needs a plan");
    outputs = List.copyOf(outputs);
    shards = List.copyOf(shards);
    ValidationException.check(
        shards.size() == plan.shardCount(),
        "index lists %d shards, the plan has %d",
        shards.size(),
        plan.shardCount());
  }

  /** One output and the number of values of each of its rows. */
  public record OutputDim(String name, int dim) {
    public OutputDim {
      EmbeddingKeys.headKey(name);
      ValidationException.check(dim > 0, "output %s: dim must be positive, got %d", name, dim);
    }
  }

  /** The dimension of output {@code name}. */
  public int dim(String name) {
    return outputs.stream()
        .filter(o -> o.name().equals(name))
        .mapToInt(OutputDim::dim)
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "no output '" + name + "'; the index has " + plan.outputNames()));
  }
}
