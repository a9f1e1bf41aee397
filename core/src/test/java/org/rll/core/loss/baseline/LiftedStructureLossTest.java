package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/**
 * The lifted structure loss against its plain reference (value and counts), against finite
 * differences, and on examples worked by hand. Batches have norms in [4, 20], so that some positive
 * pairs have J_ij &lt; 0 and others J_ij &gt; 0, none within 1e-5 of 0.
 *
 * <p>Tolerances: float64 to 1e-10 relative. float32 to 1e-4: the Gram expansion of distances up to
 * 40 leaves absolute errors of a few 1e-6 in J_ij, and a loss made of small J_ij^2 turns them into
 * a relative error of about 2 dJ / J.
 */
class LiftedStructureLossTest {

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float64MatchesReferenceTightly(int n, int classes, int dim) {
    assertAgreement(
        LiftedStructureLoss.builder().build(), n, classes, dim, DataType.FLOAT64, 1e-10);
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2}")
  @MethodSource("org.rll.core.loss.baseline.BaselineChecks#layouts")
  void float32MatchesReference(int n, int classes, int dim) {
    assertAgreement(LiftedStructureLoss.builder().build(), n, classes, dim, DataType.FLOAT32, 1e-4);
  }

  @Test
  void otherMarginMatchesReference() {
    assertAgreement(
        LiftedStructureLoss.builder().optMargin(0.25).build(), 12, 3, 8, DataType.FLOAT64, 1e-10);
  }

  @Test
  void gradientMatchesFiniteDifferencesOfReference() {
    LiftedStructureLoss loss = LiftedStructureLoss.builder().build();
    BaselineChecks.assertGradientMatchesReference(
        loss, batch(7L, 12, 3, 8, loss.getConfig()), reference(loss.getConfig()));
  }

  /**
   * A 3 x 4 rectangle, class 0 on one short side and class 1 on the other, margin 1:
   *
   * <pre>
   * p0 = (0, 0), p1 = (0, 3) | p2 = (4, 0), p3 = (4, 3)
   * D01 = D23 = 3, D02 = D13 = 4, D03 = D12 = 5
   * J01 = log(e^(1-4) + e^(1-5) + e^(1-5) + e^(1-4)) + 3 = log(2 e^-3 (1 + e^-1)) + 3
   *     = log(2 + 2/e) = 1.0064088680781681, and J23 = J01 by symmetry
   * L = 1/(2 |P|) (J01^2 + J23^2) with |P| = 2: L = J01^2 / 2 = 0.5064294048731898
   * counts: 4 ordered positive pairs with J &gt; 0; all 4 anchors active, 2 negatives each: 8
   * </pre>
   */
  @Test
  void rectangleEqualsHandValue() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{0, 0}, {0, 3}, {4, 0}, {4, 3}}, new long[] {0, 0, 1, 1});
    double handLoss = 0.5064294048731898;
    MinedCounts handCounts = new MinedCounts(4, 8);
    LiftedStructureLoss loss = LiftedStructureLoss.builder().build();

    BaselineChecks.assertHandExample(
        loss, batch, reference(loss.getConfig()), handLoss, handCounts);
  }

  /**
   * A 5 x 12 rectangle scaled by 100: J01 = log(2 e^(1 - 1200) (1 + e^-100)) + 500 &lt; 0, so the
   * loss, its counts and its gradient are exactly 0, although every exp(alpha - D) underflows to 0
   * in float32 and float64 alike.
   */
  @Test
  void farApartClassesGiveExactZerosWithoutNaN() {
    LossFixtures.Batch batch =
        new LossFixtures.Batch(
            new double[][] {{0, 0}, {0, 500}, {1200, 0}, {1200, 500}}, new long[] {0, 0, 1, 1});
    LiftedStructureLoss loss = LiftedStructureLoss.builder().build();
    for (DataType dtype : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
      LossFixtures.Outcome outcome = LossFixtures.run(loss, batch, dtype);
      assertEquals(0.0, outcome.loss());
      assertEquals(new MinedCounts(0, 0), outcome.counts());
      for (double[] row : outcome.gradient()) {
        assertEquals(0.0, row[0]);
        assertEquals(0.0, row[1]);
      }
    }
  }

  private static void assertAgreement(
      LiftedStructureLoss loss, int n, int classes, int dim, DataType dtype, double tolerance) {
    BaselineChecks.assertAgreement(
        loss,
        batch(20160627L, n, classes, dim, loss.getConfig()),
        reference(loss.getConfig()),
        dtype,
        tolerance);
  }

  private static BaselineChecks.Reference reference(LiftedStructureLossConfig config) {
    return BaselineChecks.reference(
        new NaiveLiftedStructureLoss(config)::evaluate,
        NaiveLiftedStructureLoss.Result::loss,
        NaiveLiftedStructureLoss.Result::counts);
  }

  /**
   * A batch where some positive pairs contribute and others do not, and no J_ij lies within 1e-5 of
   * 0: J_ij moves one for one with the margin, so stable counts under a margin shift of 1e-5 say
   * exactly that.
   */
  private static LossFixtures.Batch batch(
      long seed, int n, int classes, int dim, LiftedStructureLossConfig config) {
    return new BatchSpec(n, classes, dim, 0.2, 4, 20)
        .draw(
            seed,
            candidate -> {
              long active = reference(config).apply(candidate).counts().positives();
              return active > 0
                  && active < BaselineChecks.orderedPositivePairs(candidate.labels())
                  && BaselineChecks.countsStable(
                      margin ->
                          reference(new LiftedStructureLossConfig(margin))
                              .apply(candidate)
                              .counts(),
                      config.margin());
            });
  }
}
