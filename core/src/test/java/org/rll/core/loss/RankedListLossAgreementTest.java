package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorised loss agrees with the naive per-query reference, value and gradient, on random
 * batches of several sizes, class counts and dimensions, in both gradient modes and both dtypes.
 *
 * <p>Tolerances: float64 to 1e-10 relative (both sides are exact up to rounding of O(N d) sums).
 * float32 to 1e-5 relative: the float32 run sees the same float32-rounded input as the reference,
 * so the gap is float32 arithmetic only (unit roundoff 6e-8, grown by the N-term sums and by the
 * Gram expansion's cancellation, which costs most for close pairs: the worst case here, N = 90 in d
 * = 3, is about 7e-6), and no distance lies within 1e-5 of a mining boundary, so both sides mine
 * the same pairs.
 */
class RankedListLossAgreementTest {

  static Stream<Arguments> batches() {
    Stream.Builder<Arguments> cases = Stream.builder();
    int[][] shapes = {{4, 2}, {12, 4}, {30, 10}, {90, 30}};
    int[] dims = {3, 16, 64};
    for (int[] shape : shapes) {
      for (int dim : dims) {
        for (GradientMode mode : GradientMode.values()) {
          cases.add(Arguments.of(shape[0], shape[1], dim, mode));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2} {3}")
  @MethodSource("batches")
  void float64MatchesReferenceTightly(int n, int classes, int dim, GradientMode mode) {
    assertAgreement(n, classes, dim, mode, DataType.FLOAT64, 1e-10);
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2} {3}")
  @MethodSource("batches")
  void float32MatchesReference(int n, int classes, int dim, GradientMode mode) {
    assertAgreement(n, classes, dim, mode, DataType.FLOAT32, 1e-5);
  }

  @ParameterizedTest(name = "N={0} classes={1} d={2} {3}")
  @MethodSource("batches")
  void weightedPositivesAndBalanceMatchReference(int n, int classes, int dim, GradientMode mode) {
    RankedListLoss loss =
        RankedListLoss.builder()
            .optPositiveTemperature(3)
            .optBalance(0.3)
            .optTemperature(25)
            .optGradientMode(mode)
            .build();
    assertAgreement(loss, n, classes, dim, DataType.FLOAT64, 1e-10);
  }

  private static void assertAgreement(
      int n, int classes, int dim, GradientMode mode, DataType dtype, double tolerance) {
    RankedListLoss loss = RankedListLoss.builder().optGradientMode(mode).build();
    assertAgreement(loss, n, classes, dim, dtype, tolerance);
  }

  private static void assertAgreement(
      RankedListLoss loss, int n, int classes, int dim, DataType dtype, double tolerance) {
    LossFixtures.Batch batch =
        LossFixtures.clusteredBatch(20190616L, n, classes, dim, loss.getConfig());
    if (dtype == DataType.FLOAT32) {
      batch = LossFixtures.roundedToFloat(batch);
    }
    NaiveRankedListLoss.Result expected =
        new NaiveRankedListLoss(loss.getConfig()).evaluate(batch.embeddings(), batch.labels());
    LossFixtures.Outcome actual = LossFixtures.run(loss, batch, dtype);

    assertTrue(expected.loss() > 0, "the batch must have a non-zero loss");
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.loss(), actual.loss(), tolerance * expected.loss());
    double gradientError = LossFixtures.relativeError(actual.gradient(), expected.gradient());
    assertTrue(
        gradientError <= tolerance, "gradient relative error " + gradientError + " > " + tolerance);
  }
}
