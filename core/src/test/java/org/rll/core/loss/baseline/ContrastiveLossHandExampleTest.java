package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/**
 * A 4-point example in 2-D, worked by hand.
 *
 * <pre>
 * class 0: p0 = (0, 0),     p1 = (0.8, 0)
 * class 1: p2 = (0.4, 0.3), p3 = (0.4, -1.2)
 * d01 = 0.8, d23 = 1.5, d02 = d12 = 0.5 (3-4-5), d03 = d13 = sqrt(0.16 + 1.44) = 1.2649...
 * Every pair appears twice (ordered pairs).
 *
 * defaults m_pos = 0, m_neg = 1:
 *   positives, all active: 2 x 0.8^2 + 2 x 1.5^2 = 1.28 + 4.5 = 5.78
 *   negatives: d02, d12 active: 4 x (1 - 0.5)^2 = 1; d03, d13 &gt; 1 inactive
 *   loss = (5.78 + 1) / 8 = 0.8475; counts (4, 4)
 *
 * m_pos = 1, m_neg = 1.2:
 *   positives: d01 = 0.8 inactive; d23: 2 x (1.5 - 1)^2 = 0.5
 *   negatives: d02, d12: 4 x (1.2 - 0.5)^2 = 1.96; d03, d13 &gt; 1.2 inactive
 *   loss = (0.5 + 1.96) / 6 = 0.41; counts (2, 4)
 * </pre>
 */
class ContrastiveLossHandExampleTest {
  private static final LossFixtures.Batch BATCH =
      new LossFixtures.Batch(
          new double[][] {{0, 0}, {0.8, 0}, {0.4, 0.3}, {0.4, -1.2}}, new long[] {0, 0, 1, 1});

  @Test
  void defaultMarginsGiveHandValue() {
    assertHandValue(ContrastiveLoss.builder().build(), 0.8475, new MinedCounts(4, 4));
  }

  @Test
  void customMarginsGiveHandValue() {
    ContrastiveLoss loss =
        ContrastiveLoss.builder().optPositiveMargin(1).optNegativeMargin(1.2).build();
    assertHandValue(loss, 0.41, new MinedCounts(2, 4));
  }

  /**
   * Row p0 with the defaults: its terms are the pairs (0, 1) and (0, 2), each twice, over 8. The
   * positive gives 2/8 x 2 (p0 - p1) = (-0.4, 0); the negative 2/8 x -2 (1 - 0.5) (p0 - p2) / 0.5 =
   * -(p0 - p2) / 2 = (0.2, 0.15). Sum: (-0.2, 0.15).
   */
  @Test
  void gradientOfOneRowEqualsHandValue() {
    double[] row =
        LossFixtures.run(ContrastiveLoss.builder().build(), BATCH, DataType.FLOAT64).gradient()[0];
    assertEquals(-0.2, row[0], 1e-12);
    assertEquals(0.15, row[1], 1e-12);
  }

  private static void assertHandValue(ContrastiveLoss loss, double value, MinedCounts counts) {
    NaiveContrastiveLoss.Result reference =
        new NaiveContrastiveLoss(loss.getConfig()).evaluate(BATCH.embeddings(), BATCH.labels());
    assertEquals(value, reference.loss(), 1e-12);
    assertEquals(counts, reference.counts());
    BaselineFixtures.assertVectorisedValue(loss, BATCH, value, counts);
  }
}
