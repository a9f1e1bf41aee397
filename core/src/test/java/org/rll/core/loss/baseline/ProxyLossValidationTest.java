package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.TrainingClasses;

/** Settings, labels and life-cycle errors of the proxy losses, and how their proxies start. */
class ProxyLossValidationTest {
  @Test
  void badSettingsAreRefusedNamingTheValue() {
    assertMessage("scale must be finite and > 0, got 0.0", () -> new ProxyNcaLossConfig(0));
    assertMessage(
        "alpha must be finite and > 0, got -1.0", () -> new ProxyAnchorLossConfig(-1, 0.1));
    assertMessage(
        "delta must be finite and >= 0, got NaN",
        () -> ProxyAnchorLoss.builder().optDelta(Double.NaN).build());
  }

  @Test
  void aLabelOutsideTheTrainingClassesIsRefused() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(new double[][] {{1, 0}, {0, 1}}, new long[] {10, 12});
    try (ProxyLossHarness harness =
        new ProxyLossHarness(ProxyAnchorLoss.builder().build(), DataType.FLOAT32, 2, 0, 10, 11)) {
      assertMessage(
          "label 12 is not one of the 2 training classes (10 to 11)", () -> harness.run(batch));
    }
  }

  @Test
  void proxyNcaNeedsTwoClassesAndProxiesNeedInitialisation() {
    ProxyNcaLoss loss = ProxyNcaLoss.builder().build();
    IllegalStateException e = assertThrows(IllegalStateException.class, loss::parameters);
    assertTrue(e.getMessage().contains("initialize"), e.getMessage());
    try (NDManager manager = NDManager.newBaseManager()) {
      LossContext oneClass =
          new LossContext(manager, DataType.FLOAT32, List.of("H"), 4, TrainingClasses.of(3L), 1);
      assertMessage(
          "ProxyNcaLoss needs at least 2 training classes, got 1", () -> loss.initialize(oneClass));
    }
  }

  /** One C x d parameter per head, unit rows, a function of the seed alone. */
  @Test
  void proxiesAreNamedPerHeadAndDrawnFromTheSeed() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TrainingClasses classes = TrainingClasses.of(7, 3, 9, 3);
      float[][] first = proxies(manager, classes, 5);
      float[][] again = proxies(manager, classes, 5);
      float[][] other = proxies(manager, classes, 6);
      assertTrue(Arrays.deepEquals(first, again));
      assertTrue(!Arrays.deepEquals(first, other));
      assertTrue(!Arrays.equals(first[0], first[1]), "heads draw their own proxies");
      assertEquals(3 * 4, first[0].length);
      for (int r = 0; r < 3; r++) {
        double norm = 0;
        for (int k = 0; k < 4; k++) {
          norm += first[0][r * 4 + k] * first[0][r * 4 + k];
        }
        assertEquals(1, norm, 1e-6);
      }
    }
  }

  private static float[][] proxies(NDManager manager, TrainingClasses classes, long seed) {
    ProxyAnchorLoss loss = ProxyAnchorLoss.builder().build();
    loss.initialize(
        new LossContext(manager, DataType.FLOAT32, List.of("M", "H"), 4, classes, seed));
    assertEquals(
        List.of("loss.proxies.M", "loss.proxies.H"), List.copyOf(loss.parameters().keySet()));
    return new float[][] {
      loss.parameters().get("loss.proxies.M").getArray().toFloatArray(),
      loss.parameters().get("loss.proxies.H").getArray().toFloatArray()
    };
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable run) {
    ValidationException e = assertThrows(ValidationException.class, run);
    assertEquals(expected, e.getMessage());
  }
}
