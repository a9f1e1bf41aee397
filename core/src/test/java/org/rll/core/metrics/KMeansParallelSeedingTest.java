package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rll.core.random.SplitMix64;

class KMeansParallelSeedingTest {

  @ParameterizedTest
  @CsvSource({"1, 12", "2, 12", "3, 70", "4, 150", "5, 299"})
  void picksTheSamePointsAsTheReference(long seed, int k) {
    double[][] x = KMeansTestData.uniform(300, 6, 200 + seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, x);
      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int[] seeds = KMeansParallelSeeding.seeds(points, squaredNorms, k, new SplitMix64(seed));
      assertArrayEquals(KMeansParallelNaiveReference.seeds(x, k, new SplitMix64(seed)), seeds);
      assertEquals(k, Arrays.stream(seeds).distinct().count(), "every seed is a different point");
    }
  }

  @Test
  void duplicatesAreDrawnOnlyWhenNothingElseIsLeft() {
    double[][] x = {{0, 0}, {0, 0}, {1, 0}, {1, 0}, {5, 5}};
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, x);
      double[] squaredNorms = KMeansPoints.copyOf(points, 1).squaredNorms();
      int[] seeds = KMeansParallelSeeding.seeds(points, squaredNorms, 4, new SplitMix64(3));
      assertArrayEquals(KMeansParallelNaiveReference.seeds(x, 4, new SplitMix64(3)), seeds);
      int[] distinctPoints =
          Arrays.stream(seeds).map(i -> (int) (x[i][0] * 10 + x[i][1])).distinct().toArray();
      assertEquals(3, distinctPoints.length, "the three distinct points come before a duplicate");
    }
  }

  @Test
  void fitWithItMatchesTheReferenceLloydFromTheSameSeeds() {
    double[][] x = KMeansTestData.uniform(200, 4, 77);
    int k = 80;
    int[] seeds = KMeansParallelNaiveReference.seeds(x, k, SplitMix64.derive(5, 0));
    double[][] centres = new double[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = x[seeds[c]].clone();
    }
    KMeansNaiveReference.Run expected = KMeansNaiveReference.lloyd(x, centres, 100, 1e-4);
    try (NDManager manager = NDManager.newBaseManager()) {
      KMeansResult actual =
          KMeans.builder()
              .setK(k)
              .optSeed(5)
              .optRestarts(1)
              .build()
              .fit(KMeansTestData.toNDArray(manager, x));
      assertArrayEquals(expected.assignments(), actual.assignments());
      assertEquals(expected.inertia(), actual.inertia(), 1e-9 * expected.inertia());
    }
  }
}
