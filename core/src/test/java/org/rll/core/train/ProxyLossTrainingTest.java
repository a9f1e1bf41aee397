package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.loss.baseline.ProxyAnchorLoss;
import org.rll.core.loss.baseline.ProxyNcaLoss;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.SmallConvNet;
import org.rll.core.optim.LrSchedule;
import org.rll.core.optim.SgdConfig;
import org.rll.core.random.SplitMix64;

/** The trainer with a proxy loss: proxies train at their multiplier, and the loss falls. */
class ProxyLossTrainingTest {
  private static final int CLASSES = 4;
  private static final int PER_CLASS = 3;
  static final double LR = 0.01;

  /**
   * With no momentum history and no weight decay, one step moves each proxy by -lr * factor *
   * gradient: Proxy-Anchor's paper factor 100 unless the config sets one.
   */
  @Test
  void proxiesMoveAtTheLossOrConfiguredMultiplier() {
    assertEquals(100, firstStepFactor(SgdConfig.builder()), 1e-3);
    assertEquals(3, firstStepFactor(SgdConfig.builder().optLossLrMultiplier(3)), 1e-4);
  }

  @Test
  void afewStepsLowerTheLossOnAFixedBatch() {
    for (EmbeddingLoss loss :
        List.of(ProxyNcaLoss.builder().build(), ProxyAnchorLoss.builder().build())) {
      try (NDManager manager = NDManager.newBaseManager();
          EmbeddingTrainer trainer = trainer(manager, loss, SgdConfig.builder())) {
        float first = step(trainer, manager);
        float last = first;
        for (int t = 0; t < 8; t++) {
          last = step(trainer, manager);
        }
        assertTrue(
            last < first - 0.1, loss.getName() + ": loss went from " + first + " to " + last);
      }
    }
  }

  private static double firstStepFactor(SgdConfig.Builder sgd) {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer =
            trainer(manager, ProxyAnchorLoss.builder().build(), sgd.optWeightDecay(0))) {
      NDArray proxies = trainer.parameters().get("loss.proxies.H").getArray();
      float[] before = proxies.toFloatArray();
      step(trainer, manager);
      float[] after = proxies.toFloatArray();
      float[] gradient = proxies.getGradient().toFloatArray();
      double moved = 0;
      double pulled = 0;
      for (int k = 0; k < before.length; k++) {
        moved += (before[k] - after[k]) * gradient[k];
        pulled += LR * gradient[k] * gradient[k];
      }
      assertTrue(pulled > 0, "the proxies have a gradient");
      return moved / pulled;
    }
  }

  static EmbeddingTrainer trainer(NDManager manager, EmbeddingLoss loss, SgdConfig.Builder sgd) {
    Engine.getInstance().setRandomSeed(3);
    EmbeddingModel model =
        new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("H"), 8);
    model.initialize(manager, DataType.FLOAT32, new Shape(CLASSES * PER_CLASS, 1, 28, 28));
    loss.initialize(LossContext.forModel(model, manager, TrainingClasses.of(0, 1, 2, 3), 3));
    return new EmbeddingTrainer(
        model, loss, sgd.setSchedule(LrSchedule.constant(LR)).optMomentum(0).build(), manager);
  }

  /** One step on a fixed batch whose classes differ in pattern; returns its loss. */
  static float step(EmbeddingTrainer trainer, NDManager manager) {
    int n = CLASSES * PER_CLASS;
    float[] pixels = new float[n * 28 * 28];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i / PER_CLASS;
      SplitMix64 noise = SplitMix64.derive(5, i);
      for (int p = 0; p < 28 * 28; p++) {
        float pattern = (p % (labels[i] + 2) == 0) ? 1f : 0f;
        pixels[i * 28 * 28 + p] = pattern + 0.2f * (float) noise.nextGaussian();
      }
    }
    try (NDManager scope = manager.newSubManager()) {
      return trainer.step(scope.create(pixels, new Shape(n, 1, 28, 28)), labels).loss();
    }
  }
}
