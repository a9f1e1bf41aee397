package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.TrainingClasses;

/** Settings, labels and life-cycle errors of the margin loss, and how its beta starts. */
class MarginLossValidationTest {
  private static final LossFixtures.Batch TWO_POINTS =
      new LossFixtures.Batch(new double[][] {{1, 0}, {0, 1}}, new long[] {10, 12});

  @Test
  void badSettingsAreRefusedNamingTheValue() {
    assertMessage(
        "margin must be finite and >= 0, got -0.1",
        () -> MarginLoss.builder().optMargin(-0.1).build());
    assertMessage(
        "beta0 must be finite and > 0, got 0.0", () -> MarginLoss.builder().optBeta0(0).build());
    assertMessage(
        "nu must be finite and >= 0, got NaN",
        () -> MarginLoss.builder().optNu(Double.NaN).build());
    assertMessage(
        "cutoff must be finite and > 0, got 0.0", () -> MarginLoss.builder().optCutoff(0).build());
    assertMessage(
        "nonzeroLossCutoff must be in (cutoff 0.5, 2], got 0.4",
        () -> new MarginLossConfig(0.2, 1.2, 0, 0.5, 0.4, true));
    assertMessage(
        "nonzeroLossCutoff must be in (cutoff 0.5, 2], got 2.5",
        () -> MarginLoss.builder().optNonzeroLossCutoff(2.5).build());
    assertMessage(
        "name must be non-blank, got ' '", () -> MarginLoss.builder().optName(" ").build());
  }

  @Test
  void theConfigNamesTheTypeAndBuildsItsSettings() {
    MarginLossConfig config = new MarginLossConfig(0.3, 1.1, 0.01, 0.4, 1.5, false);
    assertEquals("margin", config.type());
    assertEquals(config, config.newLoss().getConfig());
    assertEquals(MarginLossConfig.defaults(), MarginLoss.builder().build().getConfig());
    assertEquals(10, config.newLoss().defaultParameterLrMultiplier());
  }

  @Test
  void badBatchesAreRefused() {
    try (MarginLossHarness harness =
        new MarginLossHarness(MarginLoss.builder().build(), DataType.FLOAT32, 2, 0, 10, 11)) {
      assertMessage(
          "label 12 is not one of the 2 training classes (10 to 11)",
          () -> harness.run(TWO_POINTS, 0));
      LossFixtures.Batch oneClass =
          new LossFixtures.Batch(TWO_POINTS.embeddings(), new long[] {10, 10});
      assertMessage(
          "a batch needs at least two classes, got one class in 2 labels",
          () -> harness.run(oneClass, 0));
    }
    try (MarginLossHarness harness =
        new MarginLossHarness(MarginLoss.builder().build(), DataType.FLOAT64, 2, 0, 10, 12)) {
      assertMessage(
          "embeddings are float32, beta float64",
          () -> LossFixtures.run(harness.loss(), TWO_POINTS, DataType.FLOAT32));
    }
  }

  @Test
  void betaNeedsInitialisationOnce() {
    MarginLoss loss = MarginLoss.builder().build();
    IllegalStateException e = assertThrows(IllegalStateException.class, loss::parameters);
    assertTrue(e.getMessage().contains("initialize"), e.getMessage());
    try (NDManager manager = NDManager.newBaseManager()) {
      LossContext context =
          new LossContext(manager, DataType.FLOAT32, List.of("H"), 2, TrainingClasses.of(3L), 1);
      loss.initialize(context);
      assertMessage("MarginLoss is already initialised", () -> loss.initialize(context));
    }
  }

  /** One beta per head, per class or shared, starting at beta0. */
  @Test
  void betaIsNamedPerHeadAndStartsAtBeta0() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TrainingClasses classes = TrainingClasses.of(7, 3, 9);
      for (boolean perClass : new boolean[] {true, false}) {
        MarginLoss loss = MarginLoss.builder().optBeta0(0.9).optClassSpecificBeta(perClass).build();
        loss.initialize(
            new LossContext(manager, DataType.FLOAT32, List.of("M", "H"), 4, classes, 2));
        assertEquals(
            List.of("loss.beta.M", "loss.beta.H"), List.copyOf(loss.parameters().keySet()));
        float[] expected = perClass ? new float[] {0.9f, 0.9f, 0.9f} : new float[] {0.9f};
        assertArrayEquals(expected, loss.parameters().get("loss.beta.H").getArray().toFloatArray());
      }
    }
  }

  private static void assertMessage(String expected, Executable run) {
    ValidationException e = assertThrows(ValidationException.class, run);
    assertEquals(expected, e.getMessage());
  }
}
