package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * Lloyd's iterations from hand-picked centres on the 1-D points {0, 1, 10, 11, 20}, with
 * hand-computed outcomes that exercise the empty-cluster rule.
 */
class KMeansLloydTest {
  private static final double[][] POINTS = {{0}, {1}, {10}, {11}, {20}};

  /*
   * Centres (100, 0, 10). Iteration 1: {0,1} -> 0, {10,11,20} -> 10, centre 0 empty; distances
   * 0,1,0,1,100. Update: means 0.5 and 41/3, the empty centre takes the farthest point, 20.
   * Iteration 2: 0,1 -> 0.5; 10,11 -> 41/3; 20 -> 20: changed. Update: (20, 0.5, 10.5).
   * Iteration 3: same assignments: stop, inertia 4 * 0.25 = 1.
   */
  @Test
  void oneEmptyClusterTakesTheFarthestPoint() {
    Outcome outcome = run(new float[] {100, 0, 10}, new double[][] {{100}, {0}, {10}});
    assertArrayEquals(new int[] {1, 1, 2, 2, 0}, outcome.assignments);
    assertArrayEquals(new float[] {20, 0.5f, 10.5f}, outcome.centres);
    assertEquals(1.0, outcome.inertia, 1e-12);
    assertEquals(3, outcome.iterations);
  }

  /*
   * Centres (100, 200, 0, 10). Iteration 1 as above with centres 0 and 1 empty. Centre 0 takes
   * point 20 (distance 100); centre 1 the farthest remaining: points 1 and 11 tie at distance 1,
   * the lower index wins, point 1. Iteration 2, centres (20, 1, 0.5, 41/3): 0 -> 0.5, 1 -> 1,
   * 10,11 -> 41/3, 20 -> 20. Update: (20, 1, 0, 10.5). Iteration 3: same assignments, inertia
   * 0.25 + 0.25 = 0.5.
   */
  @Test
  void emptyClustersTakeDistinctPointsInIndexOrderLowestIndexOnTies() {
    Outcome outcome = run(new float[] {100, 200, 0, 10}, new double[][] {{100}, {200}, {0}, {10}});
    assertArrayEquals(new int[] {2, 1, 3, 3, 0}, outcome.assignments);
    assertArrayEquals(new float[] {20, 1, 0, 10.5f}, outcome.centres);
    assertEquals(0.5, outcome.inertia, 1e-12);
    assertEquals(3, outcome.iterations);
  }

  /* With a cap of one iteration the seeds stay the centres: inertia 0 + 1 + 0 + 1 + 100. */
  @Test
  void aCapOfOneIterationOnlyAssigns() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, POINTS);
      KMeansLloyd lloyd =
          new KMeansLloyd(KMeansPoints.copyOf(points, 3), new KMeansAssigner(points, 2), 1, 0);
      KMeansLloyd.Outcome outcome = lloyd.run(new float[] {100, 0, 10}, 3);
      assertArrayEquals(new int[] {1, 1, 2, 2, 2}, outcome.assignments());
      assertEquals(102.0, outcome.inertia(), 1e-12);
      assertEquals(1, outcome.iterations());
    }
  }

  private record Outcome(int[] assignments, float[] centres, double inertia, int iterations) {}

  /** Runs the device Lloyd and checks the naive reference reaches the same outcome. */
  private static Outcome run(float[] seeds, double[][] referenceSeeds) {
    KMeansNaiveReference.Run reference = KMeansNaiveReference.lloyd(POINTS, referenceSeeds, 100, 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = KMeansTestData.toNDArray(manager, POINTS);
      KMeansLloyd lloyd =
          new KMeansLloyd(
              KMeansPoints.copyOf(points, seeds.length), new KMeansAssigner(points, 2), 100, 0);
      KMeansLloyd.Outcome outcome = lloyd.run(seeds, seeds.length);
      assertArrayEquals(reference.assignments(), outcome.assignments());
      assertEquals(reference.inertia(), outcome.inertia(), 1e-12);
      return new Outcome(
          outcome.assignments(), outcome.centres(), outcome.inertia(), outcome.iterations());
    }
  }
}
