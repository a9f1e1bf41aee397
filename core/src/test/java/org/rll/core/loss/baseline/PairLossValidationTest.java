package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.EmbeddingLoss;

/** Invalid settings and inputs of the baseline losses fail at once, naming the bad value. */
class PairLossValidationTest {

  @Test
  void contrastiveRejectsBadMargins() {
    assertContrastiveFails(b -> b.optPositiveMargin(-0.1), "positiveMargin must be >= 0, got -0.1");
    assertContrastiveFails(
        b -> b.optNegativeMargin(0), "negativeMargin must be > positiveMargin (0.0), got 0.0");
    assertContrastiveFails(
        b -> b.optPositiveMargin(0.5).optNegativeMargin(0.4),
        "negativeMargin must be > positiveMargin (0.5), got 0.4");
    assertContrastiveFails(
        b -> b.optPositiveMargin(Double.NaN), "positiveMargin must be finite, got NaN");
    assertContrastiveFails(
        b -> b.optNegativeMargin(Double.POSITIVE_INFINITY),
        "negativeMargin must be finite, got Infinity");
    assertContrastiveFails(b -> b.optName(""), "name must be non-blank, got ''");
  }

  @Test
  void tripletRejectsBadSettings() {
    assertTripletFails(b -> b.optMargin(0), "margin must be > 0, got 0.0");
    assertTripletFails(b -> b.optMargin(-0.2), "margin must be > 0, got -0.2");
    assertTripletFails(b -> b.optMargin(Double.NaN), "margin must be finite, got NaN");
    assertTripletFails(b -> b.optMining(null), "mining must be set, got null");
    assertTripletFails(b -> b.optName(null), "name must be non-blank, got 'null'");
  }

  @Test
  void miningParsesSpecNamesAndListsThemOnError() {
    for (TripletMining mining : TripletMining.values()) {
      assertEquals(mining, TripletMining.parse(mining.specName()));
    }
    assertEquals("semihard", TripletMining.SEMIHARD.specName());
    assertEquals(TripletMining.HARD, TripletMining.parse("Hard"));
    assertFails(
        () -> TripletMining.parse("semi-hard"),
        "unknown triplet mining 'semi-hard', expected one of semihard, hard, all");
    assertFails(
        () -> TripletMining.parse(null),
        "unknown triplet mining 'null', expected one of semihard, hard, all");
  }

  @Test
  void defaultsAreThePapers() {
    assertEquals(new ContrastiveLossConfig(0, 1), ContrastiveLoss.builder().build().getConfig());
    assertEquals(
        new TripletLossConfig(0.2, TripletMining.SEMIHARD, true),
        TripletLoss.builder().build().getConfig());
  }

  @Test
  void bothRejectBadInputsAtEvaluation() {
    for (EmbeddingLoss loss :
        new EmbeddingLoss[] {ContrastiveLoss.builder().build(), TripletLoss.builder().build()}) {
      assertBadInput(loss, new long[] {0, 1, 1}, new Shape(4, 3), "labels size 3 != batch size 4");
      assertBadInput(
          loss,
          new long[] {0, 0, 1, 1},
          new Shape(4, 3, 1),
          "embeddings must be 2-D (batch x dim), got shape (4, 3, 1)");
      assertBadInput(
          loss,
          new long[] {2, 2, 2, 2},
          new Shape(4, 3),
          "a batch needs at least two classes, got one class in 4 labels");
    }
    assertFails(
        () ->
            new NaiveTripletLoss(TripletLossConfig.defaults())
                .evaluate(new double[][] {{0}, {1}}, new long[] {3, 3}),
        "a batch needs at least two classes, got one class in 2 labels");
  }

  private static void assertBadInput(
      EmbeddingLoss loss, long[] labels, Shape shape, String message) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList embeddings = new NDList(manager.randomNormal(shape));
      assertFails(() -> loss.evaluate(new NDList(manager.create(labels)), embeddings), message);
    }
  }

  private static void assertContrastiveFails(
      UnaryOperator<ContrastiveLoss.Builder> setting, String message) {
    assertFails(() -> setting.apply(ContrastiveLoss.builder()).build(), message);
  }

  private static void assertTripletFails(
      UnaryOperator<TripletLoss.Builder> setting, String message) {
    assertFails(() -> setting.apply(TripletLoss.builder()).build(), message);
  }

  private static void assertFails(Executable action, String message) {
    assertEquals(message, assertThrows(ValidationException.class, action).getMessage());
  }
}
