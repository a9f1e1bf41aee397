package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.LossFixtures.Batch;
import org.rll.core.loss.MinedCounts;

/**
 * The vectorised contrastive and triplet losses agree with their naive references on random batches
 * of several sizes, class counts and dimensions, for every margin setting, mining and distance;
 * mined counts agree exactly.
 *
 * <p>Tolerances: float64 to 1e-12 relative (both sides are exact up to the rounding of O(N d) and
 * O(N^3) sums). float32 to 1e-5 relative: the float32 run sees the same float32-rounded input as
 * the reference, so the gap is float32 arithmetic (unit roundoff 6e-8, grown by the sums and the
 * Gram expansion's cancellation), and no mining decision is within 1e-5 of flipping. The float32
 * gradient is held to 1e-4 of the float64 one on the same input.
 */
class BaselineLossAgreementTest {
  private static final long SEED = 20060617L;
  private static final int[][] SHAPES = {{4, 2, 3}, {5, 3, 3}, {12, 3, 8}, {24, 6, 16}, {32, 8, 4}};

  private record Expected(double loss, MinedCounts counts) {}

  static Stream<Arguments> contrastiveCases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    double[][] margins = {{0, 1}, {0.3, 1.1}};
    for (int[] shape : SHAPES) {
      for (double[] margin : margins) {
        cases.add(Arguments.of(shape[0], shape[1], shape[2], margin[0], margin[1]));
      }
    }
    return cases.build();
  }

  static Stream<Arguments> tripletCases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (int[] shape : SHAPES) {
      for (TripletMining mining : TripletMining.values()) {
        for (boolean squared : new boolean[] {true, false}) {
          cases.add(Arguments.of(shape[0], shape[1], shape[2], mining, squared));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2} m_pos={3} m_neg={4}")
  @MethodSource("contrastiveCases")
  void contrastiveMatchesReference(
      int n, int classes, int dim, double positiveMargin, double negativeMargin) {
    ContrastiveLoss loss =
        ContrastiveLoss.builder()
            .optPositiveMargin(positiveMargin)
            .optNegativeMargin(negativeMargin)
            .build();
    NaiveContrastiveLoss reference = new NaiveContrastiveLoss(loss.getConfig());
    assertAgreement(
        loss,
        BaselineFixtures.contrastive(SEED, n, classes, dim, loss.getConfig()),
        batch -> {
          NaiveContrastiveLoss.Result result =
              reference.evaluate(batch.embeddings(), batch.labels());
          return new Expected(result.loss(), result.counts());
        });
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2} {3} squared={4}")
  @MethodSource("tripletCases")
  void tripletMatchesReference(int n, int classes, int dim, TripletMining mining, boolean squared) {
    TripletLoss loss = TripletLoss.builder().optMining(mining).optSquaredDistance(squared).build();
    NaiveTripletLoss reference = new NaiveTripletLoss(loss.getConfig());
    assertAgreement(
        loss,
        BaselineFixtures.triplet(SEED, n, classes, dim, loss.getConfig()),
        batch -> {
          NaiveTripletLoss.Result result = reference.evaluate(batch.embeddings(), batch.labels());
          return new Expected(result.loss(), result.counts());
        });
  }

  private static void assertAgreement(
      EmbeddingLoss loss, Batch batch, Function<Batch, Expected> reference) {
    Expected expected = reference.apply(batch);
    LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
    assertTrue(expected.loss() > 0, "the batch must have a non-zero loss");
    assertEquals(expected.counts(), float64.counts());
    assertEquals(expected.loss(), float64.loss(), 1e-12 * expected.loss());

    Batch rounded = LossFixtures.roundedToFloat(batch);
    Expected expectedRounded = reference.apply(rounded);
    LossFixtures.Outcome float32 = LossFixtures.run(loss, rounded, DataType.FLOAT32);
    assertEquals(expectedRounded.counts(), float32.counts());
    assertEquals(expectedRounded.loss(), float32.loss(), 1e-5 * expectedRounded.loss());
    double[][] gradient = LossFixtures.run(loss, rounded, DataType.FLOAT64).gradient();
    double error = LossFixtures.relativeError(float32.gradient(), gradient);
    assertTrue(error <= 1e-4, "float32 gradient relative error " + error);
  }
}
