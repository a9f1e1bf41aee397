package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.TrainingClasses;

/**
 * The margin loss on one 2-D example worked by hand. Class 10 holds a1 = (1, 0) and a2 = (0, 1),
 * class 20 holds b = (0.6, -0.8) alone; each anchor with a positive has the single negative b, so
 * the sampling is deterministic, and b anchors nothing. With alpha 0.2 and beta 1.2:
 *
 * <pre>
 * D(a1, a2) = sqrt 2,  D(a1, b) = sqrt 0.8,  D(a2, b) = sqrt 3.6
 * triplet (a1, a2, b): positive 0.2 + sqrt 2 - 1.2 = 0.41421356  negative 1.4 - sqrt 0.8 = 0.50557281
 * triplet (a2, a1, b): positive 0.41421356                         negative 1.4 - sqrt 3.6 &lt; 0
 * loss = (2 (sqrt 2 - 1) + 1.4 - sqrt 0.8) / 3 = 0.4446666445820915, counts (2, 1)
 * d loss / d beta_10 = (-2 + 1) / 3, d loss / d beta_20 = 0
 * d loss / d b = -(1/3) (b - a1) / D(a1, b) = (0.4, 0.8) / (3 sqrt 0.8)
 * with nu = 0.1: + 0.1 (1.2 + 1.2) / 3 = 0.08, and d loss / d beta_10 += 0.2 / 3
 * </pre>
 */
class MarginLossHandExampleTest {
  private static final LossFixtures.Batch BATCH =
      new LossFixtures.Batch(new double[][] {{1, 0}, {0, 1}, {0.6, -0.8}}, new long[] {10, 10, 20});
  private static final MinedCounts COUNTS = new MinedCounts(2, 1);
  private static final double LOSS = 0.4446666445820915;
  private static final double[] B_GRADIENT = {0.14907119849998599, 0.29814239699997197};

  @Test
  void perClassBetaEqualsHandValues() {
    assertHandValues(MarginLoss.builder().build(), LOSS, new double[] {-1.0 / 3, 0});
  }

  @Test
  void sharedRegularisedBetaEqualsHandValues() {
    MarginLoss loss = MarginLoss.builder().optClassSpecificBeta(false).optNu(0.1).build();
    assertHandValues(loss, 0.5246666445820914, new double[] {-0.8 / 3});
  }

  @Test
  void referenceEqualsHandValues() {
    NaiveMarginLoss naive =
        new NaiveMarginLoss(MarginLossConfig.defaults(), TrainingClasses.of(10L, 20L), 7);
    NaiveMarginLoss.Result result =
        naive.evaluate(BATCH.embeddings(), BATCH.labels(), new double[] {1.2, 1.2}, 0, 0);
    assertEquals(LOSS, result.loss(), 1e-15);
    assertEquals(COUNTS, result.counts());
    assertArrayEquals(new double[] {-1.0 / 3, 0}, result.betaGradient(), 1e-15);
    assertArrayEquals(B_GRADIENT, result.embeddingGradient()[2], 1e-15);
  }

  private static void assertHandValues(MarginLoss loss, double value, double[] betaGradient) {
    for (DataType dtype : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
      double tolerance = dtype == DataType.FLOAT64 ? 1e-14 : 1e-6;
      MarginLoss fresh = loss.getConfig().newLoss();
      try (MarginLossHarness harness = new MarginLossHarness(fresh, dtype, 2, 7, 10, 20)) {
        LossFixtures.Outcome outcome = harness.run(BATCH, 3);
        assertEquals(value, outcome.loss(), tolerance);
        assertEquals(COUNTS, outcome.counts());
        assertArrayEquals(betaGradient, harness.betaGradient(), tolerance);
        assertArrayEquals(B_GRADIENT, outcome.gradient()[2], tolerance);
      }
    }
  }
}
