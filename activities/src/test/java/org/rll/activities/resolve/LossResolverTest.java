package org.rll.activities.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.LossConfig;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;

class LossResolverTest {

  static Set<String> types() {
    return LossResolver.typeNames();
  }

  @Test
  void everyTypeOfTheSpecIsKnownInPaperOrder() {
    assertEquals(
        List.of(
            "ranked-list",
            "contrastive",
            "triplet",
            "lifted-structure",
            "npair",
            "multi-similarity",
            "margin",
            "proxy-nca",
            "proxy-anchor"),
        List.copyOf(types()));
  }

  @ParameterizedTest
  @MethodSource("types")
  void eachTypesDefaultsNameItAndMakeALossThatEvaluates(String type) {
    LossConfig config = LossResolver.defaults(type);
    assertEquals(type, config.type());
    long[] labels = {3, 3, 5, 5, 8, 8};
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingLoss loss = config.newLoss();
      loss.initialize(
          new LossContext(
              manager, DataType.FLOAT32, List.of("H"), 4, TrainingClasses.of(labels), 7));
      float[] values = new float[24];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) Math.sin(1.7 * i + 0.3);
      }
      NDArray rows = manager.create(values, new Shape(6, 4));
      NDArray embeddings = rows.div(rows.norm(new int[] {1}, true));
      HeadLoss head = loss.evaluateHead(0, manager.create(labels), embeddings);
      assertTrue(Double.isFinite(head.loss().getFloat()), type + ": " + head);
      assertEquals(0, head.loss().getShape().dimension(), type + " gives a scalar");
    }
  }
}
