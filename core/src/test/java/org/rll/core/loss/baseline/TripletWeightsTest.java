package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rll.core.loss.MinedCounts;

/**
 * Semi-hard and all-triplet mining as weights, worked by hand on 4 points of classes [0, 0, 1, 1]
 * whose distances tie: anchor 0's two negatives are equally far (the lower index is chosen), and
 * anchor 1 has no negative farther than its positive, so it takes its farthest, again tied.
 */
class TripletWeightsTest {
  private static final double[][] DISTANCES = {
    {0, 1, 2, 2},
    {1, 0, 0.8, 0.8},
    {2, 0.8, 0, 1},
    {2, 0.8, 1, 0}
  };
  private static final boolean[] POSITIVE = mask(true);
  private static final boolean[] NEGATIVE = mask(false);

  @Test
  void semihardTakesTheLowestIndexAmongTiedNegatives() {
    TripletWeights mined = TripletWeights.semihard(DISTANCES, POSITIVE, NEGATIVE, 1.5);

    // (0,1) with 2, (1,0) with its farthest 2, (2,3) with 0, (3,2) with 0; all four active.
    assertArrayEquals(
        over(4, 0, 1, -1, 0, 1, 0, -1, 0, -1, 0, 0, 1, -1, 0, 1, 0), mined.weights(), 1e-15);
    assertEquals(1.5, mined.constant(), 1e-15);
    assertEquals(new MinedCounts(4, 4), mined.counts());
  }

  @Test
  void allCountsEveryActiveTripletThroughEachPair() {
    TripletWeights mined = TripletWeights.all(DISTANCES, POSITIVE, NEGATIVE, 0.5);

    // Active: anchor 1 with negatives 2 and 3 (1 - 0.8 + 0.5 > 0), anchors 2 and 3 with
    // negative 1; anchor 0's (1 - 2 + 0.5) and every triplet through a distance of 2 are not.
    assertArrayEquals(
        over(4, 0, 0, 0, 0, 2, 0, -1, -1, 0, -1, 0, 1, 0, -1, 1, 0), mined.weights(), 1e-15);
    assertEquals(0.5, mined.constant(), 1e-15);
    assertEquals(new MinedCounts(3, 4), mined.counts());
  }

  @Test
  void allWithAWideMarginTakesEveryTriplet() {
    TripletWeights mined = TripletWeights.all(DISTANCES, POSITIVE, NEGATIVE, 1.5);

    assertArrayEquals(
        over(8, 0, 2, -1, -1, 2, 0, -1, -1, -1, -1, 0, 2, -1, -1, 2, 0), mined.weights(), 1e-15);
    assertEquals(1.5, mined.constant(), 1e-15);
    assertEquals(new MinedCounts(4, 8), mined.counts());
  }

  private static double[] over(double divisor, double... counts) {
    double[] weights = counts.clone();
    for (int k = 0; k < weights.length; k++) {
      weights[k] /= divisor;
    }
    return weights;
  }

  private static boolean[] mask(boolean sameClass) {
    int[] labels = {0, 0, 1, 1};
    boolean[] mask = new boolean[16];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        mask[i * 4 + j] = sameClass ? i != j && labels[i] == labels[j] : labels[i] != labels[j];
      }
    }
    return mask;
  }
}
