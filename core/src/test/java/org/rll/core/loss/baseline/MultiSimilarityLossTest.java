package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/**
 * The multi-similarity loss against its plain reference (value and mined counts, float64 to 1e-10
 * and float32 to 1e-5 relative), against finite differences, and on examples worked by hand.
 * Batches are unit-norm, with some positives and negatives mined and some not, and no similarity
 * within 1e-5 of a mining threshold.
 */
class MultiSimilarityLossTest {
  private static final double SQRT3 = Math.sqrt(3);

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float64MatchesReferenceTightly(int n, int classes, int dim) {
    assertAgreement(
        MultiSimilarityLoss.builder().build(), n, classes, dim, DataType.FLOAT64, 1e-10);
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float32MatchesReference(int n, int classes, int dim) {
    assertAgreement(MultiSimilarityLoss.builder().build(), n, classes, dim, DataType.FLOAT32, 1e-5);
  }

  @Test
  void otherSettingsMatchReference() {
    MultiSimilarityLoss loss =
        MultiSimilarityLoss.builder()
            .optAlpha(3)
            .optBeta(40)
            .optLambda(0.5)
            .optEpsilon(0.2)
            .build();
    assertAgreement(loss, 30, 10, 16, DataType.FLOAT64, 1e-10);
  }

  @Test
  void gradientMatchesFiniteDifferencesOfReference() {
    MultiSimilarityLoss loss = MultiSimilarityLoss.builder().build();
    BaselineChecks.assertGradientMatchesReference(
        loss, batch(7L, 12, 3, 8, loss.getConfig()), reference(loss.getConfig()));
  }

  /**
   * Five unit vectors in 2-D at 0, 60 (class 0), 90, 270 (class 1) and 120 degrees (class 2,
   * alone), paper settings (alpha 2, beta 50, lambda 1, epsilon 0.1):
   *
   * <pre>
   * S01 = 1/2, S02 = 0, S03 = 0, S04 = -1/2, S12 = r, S13 = -r, S14 = 1/2, S23 = -1, S24 = r,
   * S34 = -r, with r = sqrt(3)/2
   * anchor 0: P = {1 (1/2)}, N = {2 (0), 3 (0), 4 (-1/2)}: 1/2 - 0.1 is not below max N = 0, and
   *           no negative + 0.1 exceeds min P = 1/2: nothing mined, 0
   * anchor 1: P = {0 (1/2)}, N = {2 (r), 3 (-r), 4 (1/2)}: P* = {0} (0.4 &lt; r), N* = {2, 4}
   *           (r + 0.1 and 0.6 exceed 1/2): 1/2 log(1 + e) + 1/50 log(1 + e^(50 r - 50) + e^-25)
   * anchor 2: P = {3 (-1)}, N = {0 (0), 1 (r), 4 (r)}: P* = {3}, N* = all three (min P = -1):
   *           1/2 log(1 + e^4) + 1/50 log(1 + e^-50 + 2 e^(50 r - 50))
   * anchor 3: P = {2 (-1)}, N = {0 (0), 1 (-r), 4 (-r)}: P* = {2} (-1.1 &lt; 0), N* = all three:
   *           1/2 log(1 + e^4) + 1/50 log(1 + e^-50 + 2 e^(-50 r - 50))
   * anchor 4: no positive, so no negative is mined either: 0
   * L = 1/5 (0.65665547810961954 + 2.0091242023541294 + 2.0090749639589049) = 0.93497092888453076
   * counts: 3 mined positives, 2 + 3 + 3 = 8 mined negatives
   * </pre>
   */
  @Test
  void fiveUnitVectorsEqualHandValue() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{1, 0}, {0.5, SQRT3 / 2}, {0, 1}, {0, -1}, {-0.5, SQRT3 / 2}},
            new long[] {0, 0, 1, 1, 2});
    double handLoss = 0.93497092888453076;
    MinedCounts handCounts = new MinedCounts(3, 8);
    MultiSimilarityLoss loss = MultiSimilarityLoss.builder().build();

    BaselineChecks.assertHandExample(
        loss, batch, reference(loss.getConfig()), handLoss, handCounts);
  }

  /**
   * Unnormalised embeddings of norm 10: f0 = (10, 0), f1 = (0, 10) in class 0, f2 = (8, 6), f3 =
   * (-6, 8) in class 1. S01 = S23 = 0, S02 = S13 = 80, S03 = -60, S12 = 60. Every anchor mines its
   * positive (0 - 0.1 &lt; 80) and the negatives above -0.1: anchors 0 and 3 one (80), anchors 1
   * and 2 two (60 and 80). Each negative term is 1/50 log(1 + e^3950 (1 + e^-1000 or 0)) = 79 up to
   * e^-1000, past exp's range, and each positive term 1/2 log(1 + e^2): L = 79 + 1/2 log(1 + e^2).
   */
  @Test
  void largeSimilaritiesStayFinite() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{10, 0}, {0, 10}, {8, 6}, {-6, 8}}, new long[] {0, 0, 1, 1});
    double expected = 79 + Math.log(1 + Math.exp(2)) / 2;
    MultiSimilarityLoss loss = MultiSimilarityLoss.builder().build();

    assertEquals(Double.POSITIVE_INFINITY, reference(loss.getConfig()).apply(batch).loss());
    LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
    assertEquals(expected, float64.loss(), 1e-12);
    assertEquals(new MinedCounts(4, 6), float64.counts());
    assertEquals(expected, LossFixtures.run(loss, batch, DataType.FLOAT32).loss(), 1e-5);
  }

  private static void assertAgreement(
      MultiSimilarityLoss loss, int n, int classes, int dim, DataType dtype, double tolerance) {
    BaselineChecks.assertAgreement(
        loss,
        batch(20190615L, n, classes, dim, loss.getConfig()),
        reference(loss.getConfig()),
        dtype,
        tolerance);
  }

  private static BaselineChecks.Reference reference(MultiSimilarityLossConfig config) {
    return BaselineChecks.reference(
        new NaiveMultiSimilarityLoss(config)::evaluate,
        NaiveMultiSimilarityLoss.Result::loss,
        NaiveMultiSimilarityLoss.Result::counts);
  }

  /**
   * A unit-norm batch where some positives and some negatives are mined and some are not, and no
   * similarity lies within 1e-5 of its threshold: both thresholds move one for one with epsilon.
   */
  private static LossFixtures.Batch batch(
      long seed, int n, int classes, int dim, MultiSimilarityLossConfig config) {
    return BatchSpec.unit(n, classes, dim, 0.8)
        .draw(
            seed,
            candidate -> {
              MinedCounts mined = reference(config).apply(candidate).counts();
              long positives = BaselineChecks.orderedPositivePairs(candidate.labels());
              long negatives = (long) n * n - n - positives;
              return mined.positives() > 0
                  && mined.positives() < positives
                  && mined.negatives() > 0
                  && mined.negatives() < negatives
                  && BaselineChecks.countsStable(
                      epsilon ->
                          reference(
                                  new MultiSimilarityLossConfig(
                                      config.alpha(), config.beta(), config.lambda(), epsilon))
                              .apply(candidate)
                              .counts(),
                      config.epsilon());
            });
  }
}
