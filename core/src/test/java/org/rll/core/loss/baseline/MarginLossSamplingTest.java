package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures;

/**
 * Distance weighted sampling: a function of (seed, iteration, head) alone, one negative per anchor
 * and positive, drawn in proportion to q(d)^-1 below the non-zero-loss cut-off.
 */
class MarginLossSamplingTest {
  private static final MarginLossConfig CONFIG = MarginLossConfig.defaults();
  private static final int DIM = 6;
  private static final int DRAWS = 20_000;

  @Test
  void drawsAreAFunctionOfSeedIterationAndHead() {
    LossFixtures.Batch batch =
        MarginLossHarness.batch(2, 12, 3, DIM, CONFIG, new double[] {1.2, 1.2, 1.2});
    double[][] d = PairDistances.direct(batch.embeddings(), batch.labels(), false);
    long[] labels = batch.labels();
    List<DistanceWeightedSampling.Triplet> first =
        DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 5, 4, 0);
    assertEquals(first, DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 5, 4, 0));
    assertNotEquals(first, DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 5, 5, 0));
    assertNotEquals(first, DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 6, 4, 0));
    assertNotEquals(first, DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 5, 4, 1));
    // 12 anchors with 3 positives each.
    assertEquals(36, first.size());
    for (DistanceWeightedSampling.Triplet t : first) {
      assertEquals(labels[t.anchor()], labels[t.positive()]);
      assertNotEquals(labels[t.anchor()], labels[t.negative()]);
    }
  }

  /** The loss follows the iteration it is told: the same iteration repeats its value. */
  @Test
  void theLossDrawsByIteration() {
    LossFixtures.Batch batch =
        MarginLossHarness.batch(2, 12, 3, DIM, CONFIG, new double[] {1.2, 1.2, 1.2});
    try (MarginLossHarness harness =
        new MarginLossHarness(MarginLoss.builder().build(), DataType.FLOAT64, DIM, 5, 0, 1, 2)) {
      double first = harness.run(batch, 0).loss();
      assertEquals(first, harness.run(batch, 0).loss(), 0);
      assertNotEquals(first, harness.run(batch, 1).loss());
    }
  }

  /**
   * Anchor 0 (positive 1) has negatives at 0.3 (clipped to the cut-off 0.5), 0.9, 1.2 and 1.6
   * (beyond 1.4: never drawn); in dim n the weights are d^(2-n) (1 - d^2/4)^((3-n)/2).
   */
  @Test
  void negativesAreDrawnInProportionToTheInverseDensity() {
    double[] negatives = {0.3, 0.9, 1.2, 1.6};
    double[] expected = new double[4];
    double total = 0;
    for (int k = 0; k < 4; k++) {
      double d = Math.max(negatives[k], CONFIG.cutoff());
      expected[k] = d < 1.4 ? Math.pow(d, 2 - DIM) * Math.pow(1 - d * d / 4, (3 - DIM) / 2.0) : 0;
      total += expected[k];
    }
    assertFrequencies(negatives, expected, total);
  }

  @Test
  void anAnchorWithNoNegativeInsideTheCutoffDrawsUniformly() {
    double[] negatives = {1.5, 1.7, 1.9, 1.45};
    assertFrequencies(negatives, new double[] {1, 1, 1, 1}, 4);
  }

  /** Within 4.5 standard deviations of the binomial count of each negative. */
  private static void assertFrequencies(double[] negatives, double[] weights, double total) {
    long[] labels = {0, 0, 1, 1, 1, 1};
    double[][] d = new double[6][6];
    for (int k = 0; k < 4; k++) {
      d[0][2 + k] = negatives[k];
    }
    int[] counts = new int[6];
    for (long iteration = 0; iteration < DRAWS; iteration++) {
      List<DistanceWeightedSampling.Triplet> triplets =
          DistanceWeightedSampling.sample(d, labels, DIM, CONFIG, 9, iteration, 0);
      counts[triplets.get(0).negative()]++;
    }
    assertEquals(0, counts[0] + counts[1], "only negatives are drawn");
    for (int k = 0; k < 4; k++) {
      double p = weights[k] / total;
      double sigma = Math.sqrt(DRAWS * p * (1 - p));
      assertEquals(DRAWS * p, counts[2 + k], 4.5 * sigma + 1e-9, "negative at " + negatives[k]);
    }
  }
}
