package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rll.core.exceptions.ValidationException;

/** Invalid settings and inputs fail at once with a message naming the bad value. */
class RankedListLossValidationTest {

  @Test
  void rejectsOutOfRangeSettings() {
    assertBuildFails(b -> b.optAlpha(0), "alpha must be > 0, got 0.0");
    assertBuildFails(b -> b.optAlpha(-1), "alpha must be > 0, got -1.0");
    assertBuildFails(b -> b.optMargin(-0.1), "margin must be >= 0, got -0.1");
    assertBuildFails(b -> b.optMargin(1.3), "margin must be <= alpha (1.2), got 1.3");
    assertBuildFails(b -> b.optTemperature(-1), "temperature must be >= 0, got -1.0");
    assertBuildFails(
        b -> b.optPositiveTemperature(-2), "positiveTemperature must be >= 0, got -2.0");
    assertBuildFails(b -> b.optBalance(-0.1), "balance must be in [0, 1], got -0.1");
    assertBuildFails(b -> b.optBalance(1.5), "balance must be in [0, 1], got 1.5");
    assertBuildFails(b -> b.optGradientMode(null), "gradientMode must be set, got null");
    assertBuildFails(b -> b.optName(" "), "name must be non-blank, got ' '");
  }

  @Test
  void rejectsNaNAndInfiniteSettings() {
    assertBuildFails(b -> b.optAlpha(Double.NaN), "alpha must be finite, got NaN");
    assertBuildFails(b -> b.optMargin(Double.NaN), "margin must be finite, got NaN");
    assertBuildFails(b -> b.optTemperature(Double.NaN), "temperature must be finite, got NaN");
    assertBuildFails(
        b -> b.optPositiveTemperature(Double.NaN), "positiveTemperature must be finite, got NaN");
    assertBuildFails(b -> b.optBalance(Double.NaN), "balance must be finite, got NaN");
    assertBuildFails(
        b -> b.optTemperature(Double.POSITIVE_INFINITY),
        "temperature must be finite, got Infinity");
  }

  @Test
  void acceptsTheBoundaryValues() {
    RankedListLoss loss =
        RankedListLoss.builder()
            .optMargin(1.2)
            .optTemperature(0)
            .optPositiveTemperature(0)
            .optBalance(1)
            .build();
    assertEquals(0.0, loss.getConfig().positiveBoundary());
  }

  @Test
  void rejectsBadInputsAtEvaluation() {
    RankedListLoss loss = RankedListLoss.builder().build();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = manager.randomNormal(new Shape(4, 3));
      NDList labels = new NDList(manager.create(new long[] {0, 0, 1, 1}));
      assertFails(
          () ->
              loss.evaluate(
                  new NDList(manager.create(new long[] {0, 1, 1})), new NDList(embeddings)),
          "labels size 3 != batch size 4");
      assertFails(
          () -> loss.evaluate(labels, new NDList(manager.randomNormal(new Shape(4, 3, 1)))),
          "embeddings must be 2-D (batch x dim), got shape (4, 3, 1)");
      assertFails(
          () -> loss.evaluate(labels, new NDList(manager.randomNormal(new Shape(4)))),
          "embeddings must be 2-D (batch x dim), got shape (4)");
      assertFails(
          () ->
              loss.evaluate(
                  new NDList(manager.create(new long[] {2, 2, 2, 2})), new NDList(embeddings)),
          "a batch needs at least two classes, got one class in 4 labels");
      assertFails(
          () -> loss.evaluate(labels, new NDList()),
          "predictions must hold at least one embedding head, got 0");
      assertFails(
          () -> loss.evaluate(new NDList(), new NDList(embeddings)),
          "labels must hold one array of class ids, got 0 arrays");
    }
  }

  private static void assertBuildFails(
      UnaryOperator<RankedListLoss.Builder> setting, String message) {
    assertFails(() -> setting.apply(RankedListLoss.builder()).build(), message);
  }

  private static void assertFails(Executable action, String message) {
    assertEquals(message, assertThrows(ValidationException.class, action).getMessage());
  }
}
