package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.GradientCheck;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.TrainingClasses;

/**
 * The margin loss against its plain reference over several batches and iterations, with one beta
 * per class (set apart from each other) and with a single beta, in float64 and float32: value,
 * counts, gradients with respect to embeddings and beta; and both gradients against central
 * differences.
 */
class MarginLossAgreementTest {
  private static final long SEED = 21;
  private static final int N = 12;
  private static final int CLASSES = 4;
  private static final int DIM = 6;
  private static final long[] CLASS_IDS = {0, 1, 2, 3};
  private static final double[] CLASS_BETAS = {1.15, 1.2, 1.25, 1.3};
  private static final long[] ITERATIONS = {0, 5, 17};

  @Test
  void perClassBetaAgreesWithItsReference() {
    assertAgreement(MarginLossConfig.defaults(), CLASS_BETAS);
  }

  @Test
  void sharedRegularisedBetaAgreesWithItsReference() {
    assertAgreement(new MarginLossConfig(0.2, 1.2, 0.05, 0.5, 1.4, false), new double[] {1.25});
  }

  /**
   * The draws are held fixed (the loss has no gradient through them); no term is near its hinge, so
   * the differenced function is smooth around the point.
   */
  @Test
  void gradientsEqualCentralDifferences() {
    MarginLossConfig config = new MarginLossConfig(0.2, 1.2, 0.1, 0.5, 1.4, true);
    NaiveMarginLoss naive = new NaiveMarginLoss(config, TrainingClasses.of(CLASS_IDS), SEED);
    LossFixtures.Batch batch = MarginLossHarness.batch(4, N, CLASSES, DIM, config, CLASS_BETAS);
    double[][] x = batch.embeddings();
    long[] labels = batch.labels();
    List<DistanceWeightedSampling.Triplet> triplets =
        DistanceWeightedSampling.sample(
            PairDistances.direct(x, labels, false), labels, DIM, config, SEED, 3, 0);
    double[][] embeddingDifferences =
        GradientCheck.centralDifferences(
            x, at -> naive.evaluate(at, labels, CLASS_BETAS, triplets).loss());
    double[][] betaDifferences =
        GradientCheck.centralDifferences(
            new double[][] {CLASS_BETAS}, b -> naive.evaluate(x, labels, b[0], triplets).loss());

    NaiveMarginLoss.Result reference = naive.evaluate(x, labels, CLASS_BETAS, triplets);
    GradientCheck.assertClose(reference.embeddingGradient(), embeddingDifferences);
    GradientCheck.assertClose(new double[][] {reference.betaGradient()}, betaDifferences);
    try (MarginLossHarness harness = harness(config, DataType.FLOAT64)) {
      harness.setBeta(CLASS_BETAS);
      LossFixtures.Outcome outcome = harness.run(batch, 3);
      GradientCheck.assertClose(outcome.gradient(), embeddingDifferences);
      GradientCheck.assertClose(new double[][] {harness.betaGradient()}, betaDifferences);
    }
  }

  private static void assertAgreement(MarginLossConfig config, double[] betas) {
    NaiveMarginLoss naive = new NaiveMarginLoss(config, TrainingClasses.of(CLASS_IDS), SEED);
    for (long batchSeed = 1; batchSeed <= 3; batchSeed++) {
      LossFixtures.Batch batch = MarginLossHarness.batch(batchSeed, N, CLASSES, DIM, config, betas);
      for (long iteration : ITERATIONS) {
        assertAgreement(config, betas, naive, batch, iteration, DataType.FLOAT64, 1e-12);
        LossFixtures.Batch rounded = LossFixtures.roundedToFloat(batch);
        assertAgreement(config, betas, naive, rounded, iteration, DataType.FLOAT32, 2e-5);
      }
    }
  }

  private static void assertAgreement(
      MarginLossConfig config,
      double[] betas,
      NaiveMarginLoss naive,
      LossFixtures.Batch batch,
      long iteration,
      DataType dtype,
      double tolerance) {
    try (MarginLossHarness harness = harness(config, dtype)) {
      harness.setBeta(betas);
      LossFixtures.Outcome outcome = harness.run(batch, iteration);
      NaiveMarginLoss.Result expected =
          naive.evaluate(batch.embeddings(), batch.labels(), harness.beta(), iteration, 0);
      String where = dtype + " iteration " + iteration;
      assertTrue(expected.counts().negatives() > 0, where + ": some negative term is non-zero");
      assertEquals(expected.counts(), outcome.counts(), where);
      assertEquals(expected.loss(), outcome.loss(), tolerance * Math.abs(expected.loss()), where);
      double embeddingError =
          LossFixtures.relativeError(outcome.gradient(), expected.embeddingGradient());
      double betaError =
          LossFixtures.relativeError(
              new double[][] {harness.betaGradient()}, new double[][] {expected.betaGradient()});
      assertTrue(embeddingError < tolerance, where + " embedding gradient error " + embeddingError);
      assertTrue(betaError < tolerance, where + " beta gradient error " + betaError);
    }
  }

  private static MarginLossHarness harness(MarginLossConfig config, DataType dtype) {
    return new MarginLossHarness(config.newLoss(), dtype, DIM, SEED, CLASS_IDS);
  }
}
