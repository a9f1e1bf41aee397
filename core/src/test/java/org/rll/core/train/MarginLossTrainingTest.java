package org.rll.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.baseline.MarginLoss;
import org.rll.core.loss.baseline.MarginLossConfig;
import org.rll.core.optim.SgdConfig;

/**
 * The trainer with the margin loss, on the tiny model and fixed batch of {@link
 * ProxyLossTrainingTest}: beta trains at its multiplier, and the loss falls.
 */
class MarginLossTrainingTest {
  @Test
  void afewStepsLowerTheLossAndMoveBeta() {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer =
            ProxyLossTrainingTest.trainer(
                manager,
                MarginLoss.builder().build(),
                SgdConfig.builder().optLossLrMultiplier(10))) {
      NDArray beta = trainer.parameters().get("loss.beta.H").getArray();
      float[] start = beta.toFloatArray();
      float first = ProxyLossTrainingTest.step(trainer, manager);
      float last = first;
      for (int t = 0; t < 8; t++) {
        last = ProxyLossTrainingTest.step(trainer, manager);
      }
      assertTrue(last < first - 0.05, "loss went from " + first + " to " + last);
      float[] end = beta.toFloatArray();
      for (int c = 0; c < start.length; c++) {
        assertEquals((float) MarginLossConfig.DEFAULT_BETA0, start[c]);
        assertTrue(end[c] != start[c], "beta of class " + c + " stayed at " + start[c]);
      }
    }
  }

  /**
   * With no momentum history and no weight decay, one step moves beta by -lr * factor * gradient:
   * the released code's factor 10 unless the config sets one.
   */
  @Test
  void betaMovesAtTheLossOrConfiguredMultiplier() {
    assertEquals(10, firstStepFactor(SgdConfig.builder()), 1e-4);
    assertEquals(3, firstStepFactor(SgdConfig.builder().optLossLrMultiplier(3)), 1e-4);
  }

  private static double firstStepFactor(SgdConfig.Builder sgd) {
    try (NDManager manager = NDManager.newBaseManager();
        EmbeddingTrainer trainer =
            ProxyLossTrainingTest.trainer(
                manager, MarginLoss.builder().build(), sgd.optWeightDecay(0))) {
      NDArray beta = trainer.parameters().get("loss.beta.H").getArray();
      float[] before = beta.toFloatArray();
      ProxyLossTrainingTest.step(trainer, manager);
      float[] after = beta.toFloatArray();
      float[] gradient = beta.getGradient().toFloatArray();
      double moved = 0;
      double pulled = 0;
      for (int k = 0; k < before.length; k++) {
        moved += (before[k] - after[k]) * gradient[k];
        pulled += ProxyLossTrainingTest.LR * gradient[k] * gradient[k];
      }
      assertTrue(pulled > 0, "beta has a gradient");
      return moved / pulled;
    }
  }
}
