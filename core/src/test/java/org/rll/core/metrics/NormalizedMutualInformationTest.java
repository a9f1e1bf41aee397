package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

/** {@link NormalizedMutualInformation} on hand-computed cases and against naive references. */
class NormalizedMutualInformationTest {
  private static final double LN2 = Math.log(2);
  private static final double LN3 = Math.log(3);

  /* Every (class, cluster) cell holds 1 of 4 points, each marginal 2: I = 4/4 ln(4*1/(2*2)) = 0. */
  @Test
  void crossedLabelingsShareNoInformation() {
    assertEquals(
        0.0, NormalizedMutualInformation.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}));
  }

  /* A relabelling of the same partition: I = H(c) = H(k), NMI = 2H / 2H = 1. */
  @Test
  void permutedIdenticalLabelingsScoreOne() {
    assertEquals(
        1.0,
        NormalizedMutualInformation.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 9, 9, 0}),
        1e-12);
  }

  /*
   * classes {0,0,0,1}, clusters {0,0,1,1}: cells (0,0)=2, (0,1)=1, (1,1)=1; marginals 3,1 and 2,2.
   * I = 2/4 ln(4*2/(3*2)) + 1/4 ln(4*1/(3*2)) + 1/4 ln(4*1/(1*2)) = 1.5 ln2 - 0.75 ln3.
   * H(c) = -(3/4 ln(3/4) + 1/4 ln(1/4)) = 2 ln2 - 0.75 ln3; H(k) = ln2.
   * NMI = (3 ln2 - 1.5 ln3) / (3 ln2 - 0.75 ln3) = 0.34371...
   */
  @Test
  void asymmetricCaseMatchesTheHandDerivation() {
    double expected = (3 * LN2 - 1.5 * LN3) / (3 * LN2 - 0.75 * LN3);
    int[] classes = {0, 0, 0, 1};
    int[] clusters = {0, 0, 1, 1};
    assertEquals(expected, NormalizedMutualInformation.of(classes, clusters), 1e-15);
    assertEquals(expected, NormalizedMutualInformation.of(clusters, classes), 1e-15);
  }

  /* H(c) + H(k) = 0 when both are one group: 1 by convention; one group against two: I = 0. */
  @Test
  void singleGroupConventions() {
    assertEquals(1.0, NormalizedMutualInformation.of(new int[] {4, 4, 4}, new int[] {0, 0, 0}));
    assertEquals(0.0, NormalizedMutualInformation.of(new int[] {4, 4, 4}, new int[] {0, 1, 1}));
  }

  @Test
  void independentRandomLabelsScoreAboutZero() {
    SplitMix64 rng = new SplitMix64(17);
    int[] classes = new int[60000];
    int[] clusters = new int[60000];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = rng.nextInt(10);
      clusters[i] = rng.nextInt(10);
    }
    assertTrue(NormalizedMutualInformation.of(classes, clusters) < 0.01);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void agreesWithANaiveDoubleLoop(int seed) {
    SplitMix64 rng = new SplitMix64(seed);
    int[] classes = new int[500];
    int[] clusters = new int[500];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = 1_000_000 * rng.nextInt(7);
      clusters[i] = rng.nextInt(9) + (i % 3 == 0 ? classes[i] / 1_000_000 : 0);
    }
    assertEquals(
        naive(classes, clusters), NormalizedMutualInformation.of(classes, clusters), 1e-12);
  }

  /* SOP scale: 60,502 points, about 11,316 classes and clusters, checked against a hash table. */
  @Test
  void agreesWithAHashTableAtSopScale() {
    SplitMix64 rng = new SplitMix64(99);
    int[] classes = new int[60502];
    int[] clusters = new int[60502];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = rng.nextInt(11316);
      clusters[i] = rng.nextInt(4) == 0 ? rng.nextInt(11316) : classes[i];
    }
    Map<Long, Integer> cells = new HashMap<>();
    Map<Integer, Integer> classSizes = new HashMap<>();
    Map<Integer, Integer> clusterSizes = new HashMap<>();
    for (int i = 0; i < classes.length; i++) {
      cells.merge(((long) classes[i] << 32) | clusters[i], 1, Integer::sum);
      classSizes.merge(classes[i], 1, Integer::sum);
      clusterSizes.merge(clusters[i], 1, Integer::sum);
    }
    double n = classes.length;
    double mutual = 0;
    for (Map.Entry<Long, Integer> cell : cells.entrySet()) {
      double a = classSizes.get((int) (cell.getKey() >>> 32));
      double b = clusterSizes.get((int) (long) cell.getKey());
      mutual += cell.getValue() / n * Math.log(n * cell.getValue() / (a * b));
    }
    double expected =
        2 * mutual / (entropy(classSizes.values(), n) + entropy(clusterSizes.values(), n));
    assertEquals(expected, NormalizedMutualInformation.of(classes, clusters), 1e-12);
  }

  @Test
  void ofKMeansScoresSeparatedBlobsOne() {
    double[][] x = KMeansTestData.blobs(5, 30, 8, 12);
    int[] labels = KMeansTestData.blobLabels(5, 30);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = 100 + 7 * labels[i];
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      assertEquals(
          1.0,
          NormalizedMutualInformation.ofKMeans(KMeansTestData.toNDArray(manager, x), labels, 1),
          1e-12);
    }
  }

  @Test
  void invalidLabelingsAreRejected() {
    assertEquals(
        "classes and clusters must have the same length, got 2 and 3",
        assertThrows(
                ValidationException.class,
                () -> NormalizedMutualInformation.of(new int[2], new int[3]))
            .getMessage());
    assertEquals(
        "clusters must be non-negative, got -4",
        assertThrows(
                ValidationException.class,
                () -> NormalizedMutualInformation.of(new int[] {0, 1}, new int[] {3, -4}))
            .getMessage());
    assertThrows(
        ValidationException.class, () -> NormalizedMutualInformation.of(new int[0], new int[0]));
    try (NDManager manager = NDManager.newBaseManager()) {
      assertEquals(
          "embeddings must have one row per label (3 labels), got shape (2, 2)",
          assertThrows(
                  ValidationException.class,
                  () ->
                      NormalizedMutualInformation.ofKMeans(
                          manager.ones(new ai.djl.ndarray.types.Shape(2, 2)), new int[3], 0))
              .getMessage());
    }
  }

  /** Counts every (class, cluster) cell by scanning all points. */
  private static double naive(int[] classes, int[] clusters) {
    int[] classValues = Arrays.stream(classes).distinct().toArray();
    int[] clusterValues = Arrays.stream(clusters).distinct().toArray();
    double n = classes.length;
    double mutual = 0;
    double classEntropy = 0;
    double clusterEntropy = 0;
    for (int c : classValues) {
      double a = Arrays.stream(classes).filter(v -> v == c).count();
      classEntropy -= a / n * Math.log(a / n);
      for (int k : clusterValues) {
        double b = Arrays.stream(clusters).filter(v -> v == k).count();
        double joint = 0;
        for (int i = 0; i < classes.length; i++) {
          joint += classes[i] == c && clusters[i] == k ? 1 : 0;
        }
        if (joint > 0) {
          mutual += joint / n * Math.log(n * joint / (a * b));
        }
      }
    }
    for (int k : clusterValues) {
      double b = Arrays.stream(clusters).filter(v -> v == k).count();
      clusterEntropy -= b / n * Math.log(b / n);
    }
    return 2 * mutual / (classEntropy + clusterEntropy);
  }

  private static double entropy(Iterable<Integer> sizes, double n) {
    double entropy = 0;
    for (int size : sizes) {
      entropy -= size / n * Math.log(size / n);
    }
    return entropy;
  }
}
