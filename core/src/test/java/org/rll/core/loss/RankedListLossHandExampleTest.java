package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/**
 * A 4-point example in 2-D, worked by hand with the paper's settings (alpha 1.2, m 0.4, T 10,
 * lambda 0.5, so positives are non-trivial beyond 0.8 and negatives inside 1.2).
 *
 * <pre>
 * class 0: p0 = (0, 0),     p1 = (1.2, 0)
 * class 1: p2 = (0.6, 0.8), p3 = (0.6, -0.45)
 * d01 = 1.2, d02 = d12 = 1.0 (3-4-5), d03 = d13 = 0.75 (0.6^2 + 0.45^2 = 0.5625), d23 = 1.25
 *
 * query 0: P* = {p1}: L_P = 1.2 - 0.8 = 0.4
 *          N* = {p2 (1.0), p3 (0.75)}, w = e^(10 * 0.2) = e^2 and e^(10 * 0.45) = e^4.5
 *          L_N = (0.2 e^2 + 0.45 e^4.5) / (e^2 + e^4.5) = (0.2 + 0.45 e^2.5) / (1 + e^2.5) =: X
 *          e^2.5 = 12.182493960703473, X = 5.682122282316563 / 13.182493960703473
 *            = 0.43103545499468915
 * query 1: the mirror image of query 0: L_P = 0.4, L_N = X
 * query 2: P* = {p3}: L_P = 1.25 - 0.8 = 0.45; N* = {p0, p1}, both at 1.0: L_N = 0.2
 * query 3: P* = {p2}: L_P = 0.45;             N* = {p0, p1}, both at 0.75: L_N = 0.45
 * L = (1/4) (2 (0.4 + X) + 0.65 + 0.9) = (2.35 + 2 X) / 4 = 0.8030177274973446
 * mined: one positive per query (4), two negatives per query (8)
 * </pre>
 */
class RankedListLossHandExampleTest {
  private static final double[][] POINTS = {{0, 0}, {1.2, 0}, {0.6, 0.8}, {0.6, -0.45}};
  private static final long[] LABELS = {0, 0, 1, 1};
  private static final double HAND_LOSS = 0.8030177274973446;
  private static final MinedCounts HAND_COUNTS = new MinedCounts(4, 8);

  @Test
  void vectorisedLossEqualsHandValueInBothDtypesAndModes() {
    LossFixtures.Batch batch = new LossFixtures.Batch(POINTS, LABELS);
    for (GradientMode mode : GradientMode.values()) {
      RankedListLoss loss = RankedListLoss.builder().optGradientMode(mode).build();
      LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
      LossFixtures.Outcome float32 = LossFixtures.run(loss, batch, DataType.FLOAT32);
      assertEquals(HAND_LOSS, float64.loss(), 1e-12);
      assertEquals(HAND_COUNTS, float64.counts());
      assertEquals(HAND_LOSS, float32.loss(), 1e-6);
      assertEquals(HAND_COUNTS, float32.counts());
    }
  }

  @Test
  void referenceEqualsHandValue() {
    NaiveRankedListLoss.Result result =
        new NaiveRankedListLoss(RankedListLossConfig.defaults()).evaluate(POINTS, LABELS);
    assertEquals(HAND_LOSS, result.loss(), 1e-12);
    assertEquals(HAND_COUNTS, result.counts());
  }

  /**
   * Query 2's own-list gradient by hand: its positive p3 pulls with slope (2/N)(1 - lambda) = 1/4
   * along the unit vector (p2 - p3) / 1.25 = (0, 1); its negatives p0 and p1, equally weighted,
   * each push with slope -(2/N) lambda / 2 = -1/8 along (p2 - p0) / 1 = (0.6, 0.8) and (p2 - p1) /
   * 1 = (-0.6, 0.8). Sum: (0, 1/4) - 1/8 (0, 1.6) = (0, 0.05).
   */
  @Test
  void constantGalleryGradientOfOneRowEqualsHandValue() {
    RankedListLoss loss = RankedListLoss.builder().build();
    double[] row =
        LossFixtures.run(loss, new LossFixtures.Batch(POINTS, LABELS), DataType.FLOAT64)
            .gradient()[2];
    assertEquals(0, row[0], 1e-12);
    assertEquals(0.05, row[1], 1e-12);
  }
}
