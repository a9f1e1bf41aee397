package org.rll.core.loss;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.EmbeddingModel;

/**
 * What a loss with learned parameters needs to create them ({@link EmbeddingLoss#initialize}).
 *
 * @param manager where the parameters live (the trainer's manager)
 * @param dataType the parameters' type, the embeddings' type
 * @param heads the embedding heads, in output order, such as {@code [L, M, H]}; parameter names end
 *     in the head's name
 * @param dim the units of each head
 * @param classes the training classes, which index proxies and per-class parameters
 * @param seed the run's seed: initial values and random samples are functions of it
 */
public record LossContext(
    NDManager manager,
    DataType dataType,
    List<String> heads,
    int dim,
    TrainingClasses classes,
    long seed) {
  public LossContext {
    ValidationException.check(manager != null, "a loss context needs a manager");
    ValidationException.check(
        dataType == DataType.FLOAT32 || dataType == DataType.FLOAT64,
        "loss parameters are float32 or float64, got %s",
        dataType);
    ValidationException.check(
        heads != null && !heads.isEmpty(), "a loss context needs at least one head, got %s", heads);
    ValidationException.check(dim >= 1, "embedding dim must be >= 1, got %d", dim);
    ValidationException.check(classes != null, "a loss context needs the training classes");
    heads = List.copyOf(heads);
  }

  /** The context of an initialised float32 {@code model} trained on {@code classes}. */
  public static LossContext forModel(
      EmbeddingModel model, NDManager manager, TrainingClasses classes, long seed) {
    return new LossContext(manager, DataType.FLOAT32, model.heads(), model.dim(), classes, seed);
  }
}
