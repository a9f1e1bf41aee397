package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

class RetrievalEvaluatorTest {
  private static final int[] KS_124 = {1, 2, 4};
  private static NDManager manager;

  @BeforeAll
  static void openManager() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void closeManager() {
    manager.close();
  }

  /**
   * Points on a line: 0:x=0 A, 1:x=1 A, 2:x=3 B, 3:x=4 B, 4:x=6 A, 5:x=10 B.
   *
   * <pre>
   * query  order by distance (distance)          R  first hit  top-R   AP@R
   * 0      1(1) 2(3) 3(4) 4(6) 5(10)             2  0          A B     (1/1)/2 = 0.5
   * 1      0(1) 2(2) 3(3) 4(5) 5(9)              2  0          A B     0.5
   * 2      3(1) 1(2) 0(3) 4(3) 5(7)              2  0          B A     0.5
   * 3      2(1) 4(2) 1(3) 0(4) 5(6)              2  0          B A     0.5
   * 4      3(2) 2(3) 5(4) 1(5) 0(6)              2  3          B B     0
   * 5      4(4) 3(6) 2(7) 1(9) 0(10)             2  1          A B     (1/2)/2 = 0.25
   * </pre>
   *
   * Recall@1 = 4/6 (queries 0-3), Recall@2 = 5/6 (+5), Recall@4 = 6/6 (+4); MAP@R = 2.25 / 6.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 6, 100})
  void pointsOnALine(int blockSize) {
    float[][] points = {{0}, {1}, {3}, {4}, {6}, {10}};
    int[] labels = {0, 0, 1, 1, 0, 1};

    RetrievalResult result = evaluate(points, labels, KS_124, blockSize);

    assertEquals(4.0 / 6, result.recallAt(1), 1e-12);
    assertEquals(5.0 / 6, result.recallAt(2), 1e-12);
    assertEquals(1.0, result.recallAt(4), 1e-12);
    assertEquals(0.375, result.mapAtR(), 1e-12);
    assertEquals(6, result.queryCount());
    assertEquals(6, result.mapQueryCount());
  }

  /**
   * Equal distances that only the index tie-break decides: 0:x=0 A, 1:x=2 B, 2:x=-2 A, 3:x=2 C (a
   * duplicate of 1), 4:x=5 B.
   *
   * <pre>
   * query  order (distance), ties by index       R  first hit  top-R  AP@R
   * 0      1(2) 2(2) 3(2) 4(5)                   1  1          B      0
   * 1      3(0) 0(2) 4(3) 2(4)                   1  2          C      0
   * 2      0(2) 1(4) 3(4) 4(7)                   1  0          A      1
   * 3      singleton class C                     0  miss       -      -
   * 4      1(3) 3(3) 0(5) 2(7)                   1  0          B      1
   * </pre>
   *
   * Recall@1 = 2/5 (2, 4), Recall@2 = 3/5 (+0), Recall@4 = 4/5 (+1); MAP@R = 2/4 over 4 queries.
   * Breaking the ties the other way would make query 0 a hit at 1 and query 4 a miss at 1.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 100})
  void tiedDistancesAreBrokenByIndex(int blockSize) {
    float[][] points = {{0}, {2}, {-2}, {2}, {5}};
    int[] labels = {7, 8, 7, 9, 8};

    RetrievalResult result = evaluate(points, labels, KS_124, blockSize);

    assertEquals(2.0 / 5, result.recallAt(1), 1e-12);
    assertEquals(3.0 / 5, result.recallAt(2), 1e-12);
    assertEquals(4.0 / 5, result.recallAt(4), 1e-12);
    assertEquals(0.5, result.mapAtR(), 1e-12);
    assertEquals(5, result.queryCount());
    assertEquals(4, result.mapQueryCount());
  }

  /**
   * Random dyadic points (multiples of 1/8 in [-2, 2]): every score is exact in float32, so the
   * blocked result must equal the double-precision full sort exactly.
   */
  @ParameterizedTest
  @CsvSource({
    "1, 1, 1, 3",
    "2, 1, 1, 3",
    "7, 3, 1, 4",
    "50, 8, 7, 6",
    "137, 20, 32, 8",
    "137, 40, 137, 5",
    "300, 60, 64, 8",
    "300, 300, 1000, 3"
  })
  void agreesWithNaiveOnRandomPoints(int n, int classes, int blockSize, int dim) {
    SplitMix64 random = SplitMix64.derive(11, n, classes, blockSize);
    float[][] points = new float[n][dim];
    for (float[] point : points) {
      for (int c = 0; c < dim; c++) {
        point[c] = (random.nextInt(33) - 16) / 8f;
      }
    }
    assertAgreesWithNaive(points, randomLabels(random, n, classes), blockSize);
  }

  /** Few distinct points in {-1, 0, 1}^2 and few classes: ties everywhere, duplicates too. */
  @ParameterizedTest
  @CsvSource({"9, 2, 1", "60, 3, 7", "120, 4, 64", "200, 2, 13", "200, 30, 256"})
  void agreesWithNaiveOnManyDuplicates(int n, int classes, int blockSize) {
    SplitMix64 random = SplitMix64.derive(23, n, classes, blockSize);
    float[][] points = new float[n][2];
    for (float[] point : points) {
      point[0] = random.nextInt(3) - 1;
      point[1] = random.nextInt(3) - 1;
    }
    assertAgreesWithNaive(points, randomLabels(random, n, classes), blockSize);
  }

  @Test
  void leavesEmbeddingsUnchangedAndReleasesTemporaries() {
    float[][] points = {{0, 1}, {1, 1}, {3, 0}, {4, 2}, {6, 1}};
    try (NDManager caller = manager.newSubManager()) {
      NDArray embeddings = caller.create(points);
      int before = ((BaseNDManager) caller).getManagedArrays().size();
      new RetrievalEvaluator(RetrievalConfig.builder().optBlockSize(2).build())
          .evaluate(embeddings, new int[] {0, 0, 1, 1, 0});
      assertEquals(before, ((BaseNDManager) caller).getManagedArrays().size());
      assertArrayEquals(caller.create(points).toFloatArray(), embeddings.toFloatArray());
    }
  }

  @Test
  void rejectsLabelsOfAnotherLength() {
    assertRejected(
        new Shape(4, 3),
        DataType.FLOAT32,
        new int[3],
        "labels length 3 does not match 4 embeddings");
  }

  @Test
  void rejectsInputThatIsNotTwoDimensional() {
    assertRejected(
        new Shape(4),
        DataType.FLOAT32,
        new int[4],
        "embeddings must be 2-D (N x d), got shape (4)");
  }

  @Test
  void rejectsEmptyInput() {
    assertRejected(
        new Shape(0, 3),
        DataType.FLOAT32,
        new int[0],
        "embeddings must not be empty, got shape (0, 3)");
  }

  @Test
  void rejectsOtherThanFloat32() {
    assertRejected(
        new Shape(2, 3), DataType.FLOAT64, new int[2], "embeddings must be float32, got float64");
  }

  @Test
  void rejectsNonFiniteEmbeddings() {
    float[][] points = {{0, 1}, {Float.NaN, 1}};
    try (NDManager caller = manager.newSubManager()) {
      ValidationException error =
          assertThrows(
              ValidationException.class,
              () ->
                  new RetrievalEvaluator(RetrievalConfig.builder().build())
                      .evaluate(caller.create(points), new int[] {0, 0}));
      assertEquals("embeddings must be finite, found NaN or infinity", error.getMessage());
    }
  }

  private static void assertRejected(Shape shape, DataType type, int[] labels, String message) {
    try (NDManager caller = manager.newSubManager()) {
      NDArray embeddings = caller.zeros(shape, type);
      ValidationException error =
          assertThrows(
              ValidationException.class,
              () ->
                  new RetrievalEvaluator(RetrievalConfig.builder().build())
                      .evaluate(embeddings, labels));
      assertEquals(message, error.getMessage());
    }
  }

  private static void assertAgreesWithNaive(float[][] points, int[] labels, int blockSize) {
    int[] ks = {1, 2, 3, 5, 10, 1000};
    NaiveRetrieval expected = new NaiveRetrieval(points, labels, ks);

    RetrievalResult actual = evaluate(points, labels, ks, blockSize);

    for (int i = 0; i < ks.length; i++) {
      assertEquals(expected.recall[i], actual.recallAt(ks[i]), "Recall@" + ks[i]);
    }
    assertEquals(expected.mapAtR, actual.mapAtR(), 1e-12, "MAP@R");
    assertEquals(expected.mapQueries, actual.mapQueryCount());
    assertEquals(points.length, actual.queryCount());
  }

  private static int[] randomLabels(SplitMix64 random, int n, int classes) {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
    }
    return labels;
  }

  private static RetrievalResult evaluate(float[][] points, int[] labels, int[] ks, int blockSize) {
    try (NDManager caller = manager.newSubManager()) {
      RetrievalConfig config = RetrievalConfig.builder().optKs(ks).optBlockSize(blockSize).build();
      return new RetrievalEvaluator(config).evaluate(caller.create(points), labels);
    }
  }
}
