package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/**
 * The N-pair loss against its plain reference (value and counts, float64 to 1e-10 and float32 to
 * 1e-5 relative), against finite differences, and on examples worked by hand. Embeddings have norms
 * in [0.5, 2], so the penalty varies with them; the loss mines nothing, so no batch is redrawn.
 */
class NPairLossTest {

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float64MatchesReferenceTightly(int n, int classes, int dim) {
    assertAgreement(NPairLoss.builder().build(), batch(n, classes, dim), DataType.FLOAT64, 1e-10);
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float32MatchesReference(int n, int classes, int dim) {
    assertAgreement(NPairLoss.builder().build(), batch(n, classes, dim), DataType.FLOAT32, 1e-5);
  }

  @Test
  void penaltyIsHalfTheWeightTimesTheMeanSquaredNorm() {
    LossFixtures.Batch batch = batch(12, 4, 8);
    double meanSquaredNorm = 0;
    for (double[] row : batch.embeddings()) {
      meanSquaredNorm += dot(row, row) / batch.embeddings().length;
    }
    double withPenalty =
        LossFixtures.run(NPairLoss.builder().optL2Weight(0.3).build(), batch, DataType.FLOAT64)
            .loss();
    double without =
        LossFixtures.run(NPairLoss.builder().optL2Weight(0).build(), batch, DataType.FLOAT64)
            .loss();
    assertEquals(0.15 * meanSquaredNorm, withPenalty - without, 1e-12);
    assertAgreement(NPairLoss.builder().optL2Weight(0.3).build(), batch, DataType.FLOAT64, 1e-10);
  }

  @Test
  void gradientMatchesFiniteDifferencesOfReference() {
    NPairLoss loss = NPairLoss.builder().optL2Weight(0.05).build();
    BaselineChecks.assertGradientMatchesReference(
        loss, batch(12, 3, 8), reference(loss.getConfig()));
  }

  /**
   * Four points in 2-D, lambda 0.002:
   *
   * <pre>
   * class 0: f0 = (1, 0), f1 = (1, 1) | class 1: f2 = (-1, 0), f3 = (0, -1)
   * inner products: s01 = 1, s02 = -1, s03 = 0, s12 = -1, s13 = -1, s23 = 0
   * (0, 1): log(1 + e^(s02 - s01) + e^(s03 - s01)) = log(1 + e^-2 + e^-1) = 0.40760596444438030
   * (1, 0): log(1 + e^(s12 - s10) + e^(s13 - s10)) = log(1 + 2 e^-2)      = 0.23954476622188450
   * (2, 3): log(1 + e^(s20 - s23) + e^(s21 - s23)) = log(1 + 2 e^-1)      = 0.55144471393205109
   * (3, 2): log(1 + e^(s30 - s32) + e^(s31 - s32)) = log(2 + e^-1)        = 0.86199480405825108
   * mean = 0.51514756216414175; squared norms 1, 2, 1, 1: penalty 0.001 * 5/4 = 0.00125
   * L = 0.51639756216414175; counts: 4 tuples, 2 negatives for each of 4 anchors = 8
   * </pre>
   */
  @Test
  void fourPointsEqualHandValue() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{1, 0}, {1, 1}, {-1, 0}, {0, -1}}, new long[] {0, 0, 1, 1});
    double handLoss = 0.51639756216414175;
    MinedCounts handCounts = new MinedCounts(4, 8);
    NPairLoss loss = NPairLoss.builder().build();

    BaselineChecks.assertHandExample(
        loss, batch, reference(loss.getConfig()), handLoss, handCounts);
  }

  /**
   * f0 = (30, 0), f1 = (-30, 0) in class 0, f2 = (0, 30), f3 = (0, -30) in class 1: every tuple's
   * positive has inner product -900 and its two negatives 0, so each term is log(1 + 2 e^900) = 900
   * + log(2 + e^-900) = 900 + log 2, past exp's range in both dtypes; the penalty is 0.001 * 900. L
   * = 900.9 + log 2.
   */
  @Test
  void largeInnerProductsStayFinite() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{30, 0}, {-30, 0}, {0, 30}, {0, -30}}, new long[] {0, 0, 1, 1});
    double expected = 900.9 + Math.log(2);
    NPairLoss loss = NPairLoss.builder().build();

    assertEquals(Double.POSITIVE_INFINITY, reference(loss.getConfig()).apply(batch).loss());
    LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
    assertEquals(expected, float64.loss(), 1e-12);
    assertEquals(expected, LossFixtures.run(loss, batch, DataType.FLOAT32).loss(), 1e-4);
    for (double[] row : float64.gradient()) {
      assertTrue(Double.isFinite(row[0]) && Double.isFinite(row[1]), "finite gradient");
    }
  }

  private static void assertAgreement(
      NPairLoss loss, LossFixtures.Batch batch, DataType dtype, double tolerance) {
    BaselineChecks.assertAgreement(loss, batch, reference(loss.getConfig()), dtype, tolerance);
  }

  private static BaselineChecks.Reference reference(NPairLossConfig config) {
    return BaselineChecks.reference(
        new NaiveNPairLoss(config)::evaluate,
        NaiveNPairLoss.Result::loss,
        NaiveNPairLoss.Result::counts);
  }

  private static LossFixtures.Batch batch(int n, int classes, int dim) {
    return new BatchSpec(n, classes, dim, 0.5, 0.5, 2).draw(20160613L, candidate -> true);
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }
}
