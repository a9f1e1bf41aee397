package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.GradientCheck;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/** Assertions shared by the baseline losses' tests: agreement with a reference, gradients. */
final class BaselineChecks {
  /**
   * The float32 gradient, against the float64 one on the same float32-rounded input: float32
   * arithmetic only, grown by the N-term sums and, for distances, the Gram expansion.
   */
  static final double FLOAT32_GRADIENT_TOLERANCE = 1e-4;

  private BaselineChecks() {}

  /** What a plain reference loss returns. */
  record Expected(double loss, MinedCounts counts) {}

  /** A plain reference loss as a function of a batch. */
  @FunctionalInterface
  interface Reference {
    Expected apply(LossFixtures.Batch batch);
  }

  /** A reference from a naive loss's evaluate method and the accessors of its result. */
  static <R> Reference reference(
      BiFunction<double[][], long[], R> evaluate,
      ToDoubleFunction<R> loss,
      Function<R, MinedCounts> counts) {
    return batch -> {
      R result = evaluate.apply(batch.embeddings(), batch.labels());
      return new Expected(loss.applyAsDouble(result), counts.apply(result));
    };
  }

  /** (N, classes, d) of the random batches: 2 to 3 samples a class, d from 3 to 64. */
  static Stream<Arguments> layouts() {
    Stream.Builder<Arguments> cases = Stream.builder();
    int[][] shapes = {{4, 2}, {12, 4}, {30, 10}, {90, 30}, {90, 45}};
    for (int[] shape : shapes) {
      for (int dim : new int[] {3, 16, 64}) {
        cases.add(Arguments.of(shape[0], shape[1], dim));
      }
    }
    return cases.build();
  }

  /**
   * The vectorised loss's value is within {@code tolerance} (relative) of the reference's and its
   * counts are equal. In float32 the input is first rounded to float32, so both sides see one
   * batch, and the gradient is also checked against the float64 gradient of that batch.
   */
  static void assertAgreement(
      EmbeddingLoss loss,
      LossFixtures.Batch drawn,
      Reference reference,
      DataType dtype,
      double tolerance) {
    LossFixtures.Batch batch =
        dtype == DataType.FLOAT32 ? LossFixtures.roundedToFloat(drawn) : drawn;
    Expected expected = reference.apply(batch);
    LossFixtures.Outcome actual = LossFixtures.run(loss, batch, dtype);

    assertTrue(expected.loss() > 0, "the batch must have a non-zero loss");
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.loss(), actual.loss(), tolerance * expected.loss());
    if (dtype == DataType.FLOAT32) {
      double[][] float64 = LossFixtures.run(loss, batch, DataType.FLOAT64).gradient();
      double error = LossFixtures.relativeError(actual.gradient(), float64);
      assertTrue(
          error <= FLOAT32_GRADIENT_TOLERANCE,
          "float32 gradient relative error " + error + " > " + FLOAT32_GRADIENT_TOLERANCE);
    }
  }

  /**
   * The float64 autograd gradient equals central differences of the reference's value. Valid where
   * no pair lies near a mining boundary, so the differences never flip a mask.
   */
  static void assertGradientMatchesReference(
      EmbeddingLoss loss, LossFixtures.Batch batch, Reference reference) {
    ToDoubleFunction<double[][]> value =
        at -> reference.apply(new LossFixtures.Batch(at, batch.labels())).loss();
    double[][] numeric = GradientCheck.centralDifferences(batch.embeddings(), value);
    GradientCheck.assertClose(LossFixtures.run(loss, batch, DataType.FLOAT64).gradient(), numeric);
  }

  /**
   * A small batch worked by hand: the reference and the float64 loss equal {@code handLoss} to
   * 1e-14, the float32 loss to 1e-6, all with {@code handCounts}, and the gradient matches finite
   * differences of the reference.
   */
  static void assertHandExample(
      EmbeddingLoss loss,
      LossFixtures.Batch batch,
      Reference reference,
      double handLoss,
      MinedCounts handCounts) {
    Expected expected = reference.apply(batch);
    assertEquals(handLoss, expected.loss(), 1e-14);
    assertEquals(handCounts, expected.counts());
    LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
    assertEquals(handLoss, float64.loss(), 1e-14);
    assertEquals(handCounts, float64.counts());
    LossFixtures.Outcome float32 = LossFixtures.run(loss, batch, DataType.FLOAT32);
    assertEquals(handLoss, float32.loss(), 1e-6);
    assertEquals(handCounts, float32.counts());
    assertGradientMatchesReference(loss, batch, reference);
  }

  /**
   * Whether the counts are the same with a parameter moved down and up by {@link
   * LossFixtures#BOUNDARY_GAP}: for a parameter that moves every mining boundary one for one, no
   * pair then lies within the gap of a boundary, so float32 rounding and finite differences mine
   * the same pairs as float64.
   */
  static boolean countsStable(DoubleFunction<MinedCounts> countsAt, double parameter) {
    return countsAt
        .apply(parameter - LossFixtures.BOUNDARY_GAP)
        .equals(countsAt.apply(parameter + LossFixtures.BOUNDARY_GAP));
  }

  /** The number of ordered same-class pairs (i, j), i != j. */
  static long orderedPositivePairs(long[] labels) {
    long count = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < labels.length; j++) {
        count += i != j && labels[i] == labels[j] ? 1 : 0;
      }
    }
    return count;
  }
}
