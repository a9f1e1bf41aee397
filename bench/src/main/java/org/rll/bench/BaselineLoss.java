package org.rll.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.rll.activities.resolve.LossResolver;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;

/** A loss of any spec type at its paper's defaults, initialised for one float32 head. */
final class BaselineLoss {

  private BaselineLoss() {}

  /**
   * The loss {@code type} for a head of {@code dim} units over the classes of {@code labels}; its
   * own parameters, if any, live in {@code manager} and are drawn from {@code seed}.
   */
  static EmbeddingLoss of(String type, NDManager manager, int dim, long[] labels, long seed) {
    EmbeddingLoss loss = LossResolver.defaults(type).newLoss();
    loss.initialize(
        new LossContext(
            manager, DataType.FLOAT32, List.of("H"), dim, TrainingClasses.of(labels), seed));
    return loss;
  }
}
