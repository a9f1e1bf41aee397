package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

/** Behaviour of {@link KMeans}: recovery, determinism, sampling law and validation. */
class KMeansTest {

  @Test
  void recoversWellSeparatedBlobsExactly() {
    double[][] x = KMeansTestData.blobs(6, 40, 16, 5);
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeansResult result =
          KMeans.builder().setK(6).optSeed(3).build().fit(KMeansTestData.toNDArray(manager, x));
      int[] labels = KMeansTestData.blobLabels(6, 40);
      assertEquals(1.0, NormalizedMutualInformation.of(labels, result.assignments()), 1e-12);
    }
  }

  @Test
  void theSameSeedGivesTheSameResultAndOtherSeedsOtherSeedings() {
    double[][] x = KMeansTestData.uniform(300, 4, 8);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, x);
      KMeans kmeans = KMeans.builder().setK(8).optSeed(42).build();
      KMeansResult first = kmeans.fit(points);
      KMeansResult second = kmeans.fit(points);
      assertArrayEquals(first.assignments(), second.assignments());
      assertEquals(first.inertia(), second.inertia());
      assertArrayEquals(first.centres(), second.centres());

      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int[] seedsA = KMeansSeeding.kMeansPlusPlus(points, squaredNorms, 8, new SplitMix64(1));
      int[] seedsB = KMeansSeeding.kMeansPlusPlus(points, squaredNorms, 8, new SplitMix64(2));
      assertFalse(Arrays.equals(seedsA, seedsB));
    }
  }

  /*
   * Points 0, 1, 3 on a line, k = 2. When the first seed is point 0, D^2 = (0, 1, 9), so the second
   * is point 2 with probability 9/10. Over the runs starting at point 0 (about a third of 3000) the
   * frequency must be within 0.045 (about 4.7 standard deviations) of 0.9.
   */
  @Test
  void secondSeedFollowsTheSquaredDistanceLaw() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, new double[][] {{0}, {1}, {3}});
      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int startsAtZero = 0;
      int thenFarthest = 0;
      for (long seed = 0; seed < 3000; seed++) {
        int[] seeds = KMeansSeeding.kMeansPlusPlus(points, squaredNorms, 2, new SplitMix64(seed));
        if (seeds[0] == 0) {
          startsAtZero++;
          thenFarthest += seeds[1] == 2 ? 1 : 0;
        }
        assertFalse(seeds[1] == seeds[0], "a seed was drawn twice");
      }
      assertEquals(0.9, thenFarthest / (double) startsAtZero, 0.045);
    }
  }

  @Test
  void fitLeavesNothingBehindInTheCallersManager() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, KMeansTestData.uniform(50, 3, 2));
      int before = ((BaseNDManager) manager).getManagedArrays().size();
      KMeans.builder().setK(4).build().fit(points);
      assertEquals(before, ((BaseNDManager) manager).getManagedArrays().size());
      assertSame(manager, points.getManager());
    }
  }

  @Test
  void invalidSettingsAreRejectedWithTheirValue() {
    assertMessage("k must be set", () -> KMeans.builder().build());
    assertMessage("k must be positive, got 0", () -> KMeans.builder().setK(0).build());
    assertMessage(
        "restarts must be positive, got 0", () -> KMeans.builder().setK(2).optRestarts(0).build());
    assertMessage(
        "maxIterations must be positive, got -1",
        () -> KMeans.builder().setK(2).optMaxIterations(-1).build());
    assertMessage(
        "tolerance must be finite and non-negative, got NaN",
        () -> KMeans.builder().setK(2).optTolerance(Double.NaN).build());
    assertMessage(
        "blockSize must be positive, got 0",
        () -> KMeans.builder().setK(2).optBlockSize(0).build());
  }

  @Test
  void invalidPointsAreRejectedWithWhatIsWrong() {
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeans kmeans = KMeans.builder().setK(3).build();
      assertMessage(
          "k = 3 exceeds the number of points 2",
          () -> kmeans.fit(manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2))));
      assertMessage(
          "points must be a 2-D N x d array, got shape (4)",
          () -> kmeans.fit(manager.create(new float[] {1, 2, 3, 4})));
      assertMessage(
          "points must be float32, got float64",
          () -> kmeans.fit(manager.create(new double[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2))));
      float[] withNaN = {1, 2, 3, 4, 5, Float.NaN, 7, 8};
      assertMessage(
          "points row 2 column 1 is not finite: NaN",
          () -> kmeans.fit(manager.create(withNaN, new Shape(4, 2))));
    }
  }

  private static void assertMessage(String expected, Executable executable) {
    assertEquals(expected, assertThrows(ValidationException.class, executable).getMessage());
  }
}
