package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/** Invalid settings and batches fail at once, in the losses and their references alike. */
class AnchorPairLossValidationTest {
  private static final double[][] POINTS = {{0, 1}, {1, 0}, {1, 1}, {0, 2}};

  @Test
  void liftedStructureRejectsBadSettings() {
    assertFails(
        () -> LiftedStructureLoss.builder().optMargin(-0.5).build(),
        "margin must be >= 0, got -0.5");
    assertFails(
        () -> LiftedStructureLoss.builder().optMargin(Double.NaN).build(),
        "margin must be finite, got NaN");
    assertFails(
        () -> LiftedStructureLoss.builder().optName(" ").build(),
        "name must be non-blank, got ' '");
  }

  @Test
  void nPairRejectsBadSettings() {
    assertFails(
        () -> NPairLoss.builder().optL2Weight(-1).build(), "l2Weight must be >= 0, got -1.0");
    assertFails(
        () -> NPairLoss.builder().optL2Weight(Double.POSITIVE_INFINITY).build(),
        "l2Weight must be finite, got Infinity");
    assertFails(
        () -> NPairLoss.builder().optName(null).build(), "name must be non-blank, got 'null'");
  }

  @Test
  void multiSimilarityRejectsBadSettings() {
    assertFails(
        () -> MultiSimilarityLoss.builder().optAlpha(0).build(), "alpha must be > 0, got 0.0");
    assertFails(
        () -> MultiSimilarityLoss.builder().optBeta(-50).build(), "beta must be > 0, got -50.0");
    assertFails(
        () -> MultiSimilarityLoss.builder().optLambda(Double.NaN).build(),
        "lambda must be finite, got NaN");
    assertFails(
        () -> MultiSimilarityLoss.builder().optEpsilon(-0.1).build(),
        "epsilon must be >= 0, got -0.1");
    assertFails(
        () -> MultiSimilarityLoss.builder().optBeta(Double.NEGATIVE_INFINITY).build(),
        "beta must be finite, got -Infinity");
  }

  @Test
  void acceptsBoundarySettings() {
    assertEquals(0.0, LiftedStructureLoss.builder().optMargin(0).build().getConfig().margin());
    assertEquals(0.0, NPairLoss.builder().optL2Weight(0).build().getConfig().l2Weight());
    MultiSimilarityLossConfig config =
        MultiSimilarityLoss.builder().optLambda(-2).optEpsilon(0).build().getConfig();
    assertEquals(new MultiSimilarityLossConfig(2, 50, -2, 0), config);
  }

  @Test
  void everyLossRejectsMalformedBatches() {
    for (EmbeddingLoss loss : losses()) {
      try (NDManager manager = NDManager.newBaseManager()) {
        NDArray embeddings = manager.create(new float[8], new Shape(4, 2));
        assertFails(
            () -> loss.evaluateHead(manager.create(new long[] {0, 0, 1}), embeddings),
            "labels size 3 != batch size 4");
        assertFails(
            () ->
                loss.evaluateHead(
                    manager.create(new long[] {0, 0, 1, 1}), embeddings.reshape(4, 2, 1)),
            "embeddings must be 2-D (batch x dim), got shape (4, 2, 1)");
        assertFails(
            () -> loss.evaluateHead(manager.create(new long[] {3, 3, 3, 3}), embeddings),
            "a batch needs at least two classes, got one class in 4 labels");
      }
    }
  }

  @Test
  void averagingLossesNeedASameClassPair() {
    long[] distinct = {0, 1, 2, 3};
    String message = "a batch needs a same-class pair, got 4 labels of distinct classes";
    LossFixtures.Batch batch = new LossFixtures.Batch(POINTS, distinct);
    assertFails(
        () -> LossFixtures.run(LiftedStructureLoss.builder().build(), batch, DataType.FLOAT64),
        message);
    assertFails(
        () -> LossFixtures.run(NPairLoss.builder().build(), batch, DataType.FLOAT64), message);
    assertFails(
        () ->
            new NaiveLiftedStructureLoss(LiftedStructureLossConfig.defaults())
                .evaluate(POINTS, distinct),
        message);
    assertFails(
        () -> new NaiveNPairLoss(NPairLossConfig.defaults()).evaluate(POINTS, distinct), message);
  }

  /** Without positives no anchor mines a negative: the multi-similarity loss is 0, not an error. */
  @Test
  void multiSimilarityOfDistinctClassesIsZero() {
    long[] distinct = {0, 1, 2, 3};
    LossFixtures.Outcome outcome =
        LossFixtures.run(
            MultiSimilarityLoss.builder().build(),
            new LossFixtures.Batch(POINTS, distinct),
            DataType.FLOAT64);
    assertEquals(0.0, outcome.loss());
    assertEquals(new MinedCounts(0, 0), outcome.counts());
    NaiveMultiSimilarityLoss.Result reference =
        new NaiveMultiSimilarityLoss(MultiSimilarityLossConfig.defaults())
            .evaluate(POINTS, distinct);
    assertEquals(0.0, reference.loss());
  }

  @Test
  void referencesRejectMalformedBatches() {
    Executable[] shortLabels = {
      () ->
          new NaiveLiftedStructureLoss(LiftedStructureLossConfig.defaults())
              .evaluate(POINTS, new long[3]),
      () -> new NaiveNPairLoss(NPairLossConfig.defaults()).evaluate(POINTS, new long[3]),
      () ->
          new NaiveMultiSimilarityLoss(MultiSimilarityLossConfig.defaults())
              .evaluate(POINTS, new long[3])
    };
    for (Executable action : shortLabels) {
      assertFails(action, "labels size 3 != batch size 4");
    }
    assertFails(
        () ->
            new NaiveMultiSimilarityLoss(MultiSimilarityLossConfig.defaults())
                .evaluate(POINTS, new long[4]),
        "a batch needs at least two classes, got one class in 4 labels");
  }

  private static List<EmbeddingLoss> losses() {
    return List.of(
        LiftedStructureLoss.builder().build(),
        NPairLoss.builder().build(),
        MultiSimilarityLoss.builder().build());
  }

  private static void assertFails(Executable action, String message) {
    assertEquals(message, assertThrows(ValidationException.class, action).getMessage());
  }
}
