package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.random.SplitMix64;

/** The device k-means against {@link KMeansNaiveReference} on the same data and seeds. */
class KMeansReferenceAgreementTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void seedingPicksTheSamePointsAsTheReference(long seed) {
    double[][] x = KMeansTestData.uniform(300, 6, 100 + seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, x);
      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int[] seeds = KMeansSeeding.kMeansPlusPlus(points, squaredNorms, 12, new SplitMix64(seed));
      assertArrayEquals(KMeansNaiveReference.seeds(x, 12, new SplitMix64(seed)), seeds);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15})
  void fitMatchesTheReferenceAssignmentsInertiaAndCentres(long seed) {
    double[][] x = KMeansTestData.uniform(400, 5, seed);
    KMeansNaiveReference.Run expected = KMeansNaiveReference.fit(x, 9, seed, 3, 100, 1e-4);
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeansResult actual =
          KMeans.builder()
              .optSeeding(KMeansSeedingMethod.K_MEANS_PLUS_PLUS)
              .setK(9)
              .optSeed(seed)
              .optBlockSize(37)
              .build()
              .fit(KMeansTestData.toNDArray(manager, x));
      assertArrayEquals(expected.assignments(), actual.assignments());
      assertEquals(expected.inertia(), actual.inertia(), 1e-6 * expected.inertia());
      assertEquals(expected.iterations(), actual.iterations());
      float[][] centres = actual.centres();
      for (int c = 0; c < 9; c++) {
        for (int j = 0; j < 5; j++) {
          assertEquals(expected.centres()[c][j], centres[c][j], 1e-5);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 1000})
  void blockSizeDoesNotChangeTheResult(int blockSize) {
    double[][] x = KMeansTestData.uniform(150, 4, 21);
    KMeansNaiveReference.Run expected = KMeansNaiveReference.fit(x, 6, 9, 2, 100, 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeansResult actual =
          KMeans.builder()
              .optSeeding(KMeansSeedingMethod.K_MEANS_PLUS_PLUS)
              .setK(6)
              .optSeed(9)
              .optRestarts(2)
              .optTolerance(0)
              .optBlockSize(blockSize)
              .build()
              .fit(KMeansTestData.toNDArray(manager, x));
      assertArrayEquals(expected.assignments(), actual.assignments());
      assertEquals(expected.inertia(), actual.inertia(), 1e-6 * expected.inertia());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 4})
  void restartsKeepTheLowestInertiaOfTheReferenceRestarts(long seed) {
    double[][] x = KMeansTestData.uniform(200, 3, 40 + seed);
    double[] referenceInertias = new double[5];
    for (int r = 0; r < 5; r++) {
      referenceInertias[r] = KMeansNaiveReference.restart(x, 10, seed, r, 100, 1e-4).inertia();
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeansResult result =
          KMeans.builder()
              .optSeeding(KMeansSeedingMethod.K_MEANS_PLUS_PLUS)
              .setK(10)
              .optSeed(seed)
              .optRestarts(5)
              .build()
              .fit(KMeansTestData.toNDArray(manager, x));
      double[] inertias =
          result.restarts().stream().mapToDouble(KMeansRestartSummary::inertia).toArray();
      for (int r = 0; r < 5; r++) {
        assertEquals(referenceInertias[r], inertias[r], 1e-6 * referenceInertias[r]);
      }
      double lowest = Arrays.stream(inertias).min().getAsDouble();
      assertNotEquals(lowest, Arrays.stream(inertias).max().getAsDouble(), "restarts all equal");
      assertEquals(lowest, result.inertia());
      assertEquals(lowest, inertias[result.bestRestart()]);
      assertEquals(result.restarts().get(result.bestRestart()).iterations(), result.iterations());
    }
  }

  /*
   * 4 distinct points, each 3 times, k = 6: after 4 seeds every D^2 is 0, so the draw hits the cap
   * (row N-1) and Lloyd starts with duplicate centres, i.e. empty clusters; inertia ends at 0.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void fewerDistinctPointsThanClustersFollowsTheCapAndEmptyClusterRules(long seed) {
    double[][] distinct = KMeansTestData.uniform(4, 3, seed);
    double[][] x = new double[12][];
    for (int i = 0; i < x.length; i++) {
      x[i] = distinct[i % 4];
    }
    KMeansNaiveReference.Run expected = KMeansNaiveReference.fit(x, 6, seed, 3, 100, 1e-4);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, x);
      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int[] seeds = KMeansSeeding.kMeansPlusPlus(points, squaredNorms, 6, new SplitMix64(seed));
      assertArrayEquals(KMeansNaiveReference.seeds(x, 6, new SplitMix64(seed)), seeds);
      assertEquals(11, seeds[5]);
      KMeansResult actual =
          KMeans.builder()
              .optSeeding(KMeansSeedingMethod.K_MEANS_PLUS_PLUS)
              .setK(6)
              .optSeed(seed)
              .build()
              .fit(points);
      assertArrayEquals(expected.assignments(), actual.assignments());
      assertEquals(0.0, actual.inertia());
      assertEquals(0.0, expected.inertia());
    }
  }
}
