package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.RankedListLoss;
import org.rll.core.model.ModelConfig;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.random.SplitMix64;

class EmbeddingTrainerPhasesTest {
  private static final int[] LABELS = {0, 0, 1, 1, 2, 2};

  private static EmbeddingTrainer trainer(NDManager manager) {
    Engine.getInstance().setRandomSeed(7);
    SgdConfig sgd = SgdConfig.builder().setSchedule(LrSchedule.constant(0.05)).build();
    return new EmbeddingTrainer(
        ModelConfig.demo().build(manager, LABELS.length),
        RankedListLoss.builder().build(),
        sgd,
        manager);
  }

  private static NDArray images(NDManager manager) {
    SplitMix64 random = new SplitMix64(3);
    float[] pixels = new float[LABELS.length * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    return manager.create(pixels, new Shape(LABELS.length, 1, 28, 28));
  }

  @Test
  void everyPhaseEndsOnceInOrderAndTheStepIsUnchanged() {
    try (NDManager manager = NDManager.newBaseManager()) {
      List<StepPhases.Phase> ended = new ArrayList<>();
      StepLog watched;
      StepLog plain;
      float[] watchedHead;
      try (EmbeddingTrainer trainer = trainer(manager)) {
        watched = trainer.step(images(manager), LABELS, ended::add);
        watchedHead = trainer.parameters().get("embed_H.weight").getArray().toFloatArray();
      }
      try (EmbeddingTrainer trainer = trainer(manager)) {
        plain = trainer.step(images(manager), LABELS);
        assertArrayEquals(
            watchedHead, trainer.parameters().get("embed_H.weight").getArray().toFloatArray());
      }
      assertEquals(List.of(StepPhases.Phase.values()), ended);
      assertEquals(plain, watched);
    }
  }
}
