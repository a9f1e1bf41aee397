package org.rll.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

class ClassBalancedSamplerTest {
  private static final int C = 4;
  private static final int K = 3;

  /**
   * 25 classes (labels 10..34) of 1 + c % 7 images: 4 classes of one image are excluded, 21 are
   * eligible, and those of 2 images are smaller than K.
   */
  private static final int[] MIXED_LABELS = mixedLabels();

  @Test
  void sameSeedGivesSameBatchesAndAnotherSeedOthers() {
    ClassBalancedSampler a = sampler(MIXED_LABELS, 42, 40);
    ClassBalancedSampler b = sampler(MIXED_LABELS, 42, 40);
    ClassBalancedSampler other = sampler(MIXED_LABELS, 43, 40);
    int differing = 0;
    for (int t = 0; t < 40; t++) {
      assertArrayEquals(a.batch(t), b.batch(t), "iteration " + t);
      differing += Arrays.equals(a.batch(t), other.batch(t)) ? 0 : 1;
    }
    assertEquals(40, differing);
  }

  @Test
  void randomAccessEqualsSequentialGenerationInAnyOrder() {
    int iterations = 60; // 8 epochs of 7 batches and a bit: accesses cross epochs both ways
    ClassBalancedSampler sequential = sampler(MIXED_LABELS, 7, iterations);
    List<int[]> expected = new ArrayList<>();
    for (int t = 0; t < iterations; t++) {
      expected.add(sequential.batch(t));
    }
    int[] shuffled = IntStream.range(0, iterations).toArray();
    new SplitMix64(99).shuffle(shuffled);
    int[] reversed = IntStream.range(0, iterations).map(t -> iterations - 1 - t).toArray();
    for (int[] order : List.of(shuffled, reversed)) {
      ClassBalancedSampler random = sampler(MIXED_LABELS, 7, iterations);
      for (int t : order) {
        assertArrayEquals(expected.get(t), random.batch(t), "iteration " + t);
      }
    }
  }

  @Test
  void everyBatchIsCDistinctClassesOfKImagesEach() {
    ClassBalancedSampler sampler = sampler(MIXED_LABELS, 3, 100);
    for (int t = 0; t < 100; t++) {
      int[] batch = sampler.batch(t);
      assertEquals(C * K, batch.length);
      Set<Integer> classes = new HashSet<>();
      for (int c = 0; c < C; c++) {
        int label = MIXED_LABELS[batch[c * K]];
        classes.add(label);
        int classSize = (int) Arrays.stream(MIXED_LABELS).filter(l -> l == label).count();
        int[] block = Arrays.copyOfRange(batch, c * K, c * K + K);
        assertTrue(Arrays.stream(block).allMatch(i -> MIXED_LABELS[i] == label), "t=" + t);
        long distinct = Arrays.stream(block).distinct().count();
        assertEquals(Math.min(K, classSize), distinct, "t=" + t + " class " + label);
      }
      assertEquals(C, classes.size(), "t=" + t);
    }
  }

  @Test
  void eachEpochShowsEveryClassOnceBeforeItsLastBatchRepeatsEarlierOnes() {
    ClassBalancedSampler sampler = sampler(MIXED_LABELS, 11, 70);
    int[] eligible = sampler.eligibleClasses();
    assertEquals(21, eligible.length);
    int batches = sampler.batchesPerEpoch();
    assertEquals(6, batches); // ceil(21 / 4): the last batch holds 1 new class and 3 fillers
    for (int epoch = 0; epoch < 70 / batches; epoch++) {
      List<Integer> seen = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        seen.addAll(classesOf(sampler.batch(epoch * batches + b), MIXED_LABELS, K));
      }
      List<Integer> once = seen.subList(0, eligible.length);
      List<Integer> fillers = seen.subList(eligible.length, seen.size());
      assertEquals(sortedList(eligible), once.stream().sorted().toList(), "epoch " + epoch);
      assertTrue(once.subList(0, (batches - 1) * C).containsAll(fillers), "epoch " + epoch);
    }
  }

  @Test
  void lastBatchOfAnEpochTakesTheRestAndFillsFromEarlierClasses() {
    // 5 eligible classes, C = 2: epochs of 3 batches, the last holding 1 new class + 1 filler.
    int[] labels = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
    ClassBalancedSampler sampler =
        new ClassBalancedSampler(
            BatchSamplerConfig.builder()
                .setSeed(5)
                .setIterations(300)
                .optClassesPerBatch(2)
                .optImagesPerClass(2)
                .build(),
            labels);
    assertEquals(3, sampler.batchesPerEpoch());
    Set<List<Integer>> firstBatches = new HashSet<>();
    for (int epoch = 0; epoch < 100; epoch++) {
      List<Integer> first = classesOf(sampler.batch(3 * epoch), labels, 2);
      List<Integer> second = classesOf(sampler.batch(3 * epoch + 1), labels, 2);
      List<Integer> last = classesOf(sampler.batch(3 * epoch + 2), labels, 2);
      List<Integer> once = new ArrayList<>(first);
      once.addAll(second);
      once.add(last.get(0));
      assertEquals(List.of(0, 1, 2, 3, 4), once.stream().sorted().toList(), "epoch " + epoch);
      assertTrue(first.contains(last.get(1)) || second.contains(last.get(1)), "epoch " + epoch);
      firstBatches.add(first);
    }
    assertEquals(20, firstBatches.size()); // every ordered pair of 5 classes opens some epoch
  }

  @Test
  void smallClassesAreFilledByCyclingAllTheirImagesShuffled() {
    // class 7 = images {0, 1}, class 9 = images {2, 3, 4}; K = 6 is a multiple of both sizes.
    int[] labels = {7, 7, 9, 9, 9};
    ClassBalancedSampler six = smallClassSampler(labels, 6);
    for (int t = 0; t < 20; t++) {
      int[] batch = six.batch(t);
      int[] seven = labels[batch[0]] == 7 ? block(batch, 0, 6) : block(batch, 1, 6);
      int[] nine = labels[batch[0]] == 7 ? block(batch, 1, 6) : block(batch, 0, 6);
      assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, sorted(seven));
      assertArrayEquals(new int[] {2, 2, 3, 3, 4, 4}, sorted(nine));
      assertCycled(seven, 2);
      assertCycled(nine, 3);
    }
    // K = 5: the class of 2 gives one image 3 times and the other twice, in a cycle.
    ClassBalancedSampler five = smallClassSampler(labels, 5);
    Set<Integer> tripled = new HashSet<>();
    for (int t = 0; t < 20; t++) {
      int[] batch = five.batch(t);
      int[] seven = labels[batch[0]] == 7 ? block(batch, 0, 5) : block(batch, 1, 5);
      assertCycled(seven, 2);
      assertEquals(2, Arrays.stream(seven).distinct().count());
      tripled.add(seven[0]); // the first of the cycle is the one placed three times
    }
    assertEquals(Set.of(0, 1), tripled); // the shuffle varies which one
  }

  @Test
  void distinctDrawsAreUniformOverSubsets() {
    // Two classes of 5 images, K = 3: each of the C(5,3) = 10 subsets has probability 1/10.
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    int iterations = 10_000;
    ClassBalancedSampler sampler =
        new ClassBalancedSampler(
            BatchSamplerConfig.builder()
                .setSeed(17)
                .setIterations(iterations)
                .optClassesPerBatch(2)
                .build(),
            labels);
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    for (int t = 0; t < iterations; t++) {
      int[] batch = sampler.batch(t);
      int[] zero = labels[batch[0]] == 0 ? block(batch, 0, 3) : block(batch, 1, 3);
      counts.merge(Arrays.toString(sorted(zero)), 1, Integer::sum);
    }
    assertEquals(10, counts.size());
    // 1000 expected, standard deviation 30: 4 standard deviations either way.
    counts.forEach((subset, n) -> assertTrue(n > 880 && n < 1120, subset + " drawn " + n));
  }

  @Test
  void excludesOneImageClassesAndReportsThem() {
    int[] labels = new int[42];
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 8;
    }
    labels[40] = 30;
    labels[41] = 20;
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ClassBalancedSampler sampler;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      sampler = sampler(labels, 1, 50);
    } finally {
      System.setErr(stderr);
    }
    assertArrayEquals(new int[] {20, 30}, sampler.excludedClasses());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, sampler.eligibleClasses());
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(
        log.contains("WARN")
            && log.contains("excluding 2 classes with fewer than 2 images from batches: 20, 30"),
        log);
    for (int t = 0; t < 50; t++) {
      int[] batch = sampler.batch(t);
      assertFalse(Arrays.stream(batch).anyMatch(i -> i >= 40), "iteration " + t);
    }
  }

  @Test
  void rejectsTooFewClassesAndOutOfRangeIterations() {
    int[] labels = {0, 0, 1, 1, 2, 2, 3}; // 3 eligible classes for C = 4
    assertEquals(
        "only 3 classes have at least 2 images, fewer than C = 4 classes per batch",
        assertThrows(ValidationException.class, () -> sampler(labels, 1, 5)).getMessage());
    ClassBalancedSampler sampler = sampler(MIXED_LABELS, 1, 5);
    assertEquals(
        "iteration must be in [0, 5), got 5",
        assertThrows(ValidationException.class, () -> sampler.batch(5)).getMessage());
    assertEquals(
        "iteration must be in [0, 5), got -1",
        assertThrows(ValidationException.class, () -> sampler.batch(-1)).getMessage());
    assertThrows(ValidationException.class, () -> sampler(new int[0], 1, 5));
    assertThrows(ValidationException.class, () -> sampler(new int[] {0, 0, -1}, 1, 5));
  }

  static ClassBalancedSampler sampler(int[] labels, long seed, int iterations) {
    return new ClassBalancedSampler(
        BatchSamplerConfig.builder()
            .setSeed(seed)
            .setIterations(iterations)
            .optClassesPerBatch(C)
            .optImagesPerClass(K)
            .build(),
        labels);
  }

  private static ClassBalancedSampler smallClassSampler(int[] labels, int k) {
    return new ClassBalancedSampler(
        BatchSamplerConfig.builder()
            .setSeed(3)
            .setIterations(20)
            .optClassesPerBatch(2)
            .optImagesPerClass(k)
            .build(),
        labels);
  }

  private static int[] mixedLabels() {
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < 25; c++) {
      for (int i = 0; i < 1 + c % 7; i++) {
        labels.add(10 + c);
      }
    }
    return labels.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The label of each class block of {@code batch}, in batch order. */
  private static List<Integer> classesOf(int[] batch, int[] labels, int k) {
    return IntStream.range(0, batch.length / k).map(c -> labels[batch[c * k]]).boxed().toList();
  }

  private static List<Integer> sortedList(int[] values) {
    return new ArrayList<>(new TreeSet<>(Arrays.stream(values).boxed().toList()));
  }

  private static int[] block(int[] batch, int c, int k) {
    return Arrays.copyOfRange(batch, c * k, c * k + k);
  }

  private static int[] sorted(int[] values) {
    int[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** The first {@code n} are distinct and every later position repeats the one n before it. */
  private static void assertCycled(int[] block, int n) {
    assertEquals(n, Arrays.stream(block, 0, n).distinct().count(), Arrays.toString(block));
    for (int i = n; i < block.length; i++) {
      assertEquals(block[i - n], block[i], Arrays.toString(block));
    }
  }
}
