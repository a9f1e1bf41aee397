package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;

/**
 * A 5-point example in 2-D, worked by hand with FaceNet's settings (margin 0.2, squared distances).
 *
 * <pre>
 * class 0: p0 = (0, 0), p1 = (0.8, 0.2), p2 = (0.6, 0.5)
 * class 1: p3 = (0, 0.5), p4 = (0, 0.8)
 * squared distances:  p0    p1    p2    p3    p4
 *              p0      -   0.68  0.61  0.25  0.64
 *              p1    0.68    -   0.13  0.73  1.00
 *              p2    0.61  0.13    -   0.36  0.45
 *              p3    0.25  0.73  0.36    -   0.09
 *              p4    0.64  1.00  0.45  0.09    -
 *
 * semihard, per (anchor, positive): negative chosen, term [d_ap - d_an + 0.2]_+
 *   (0, 1): no negative beyond 0.68, farthest p4 (0.64): 0.24
 *   (0, 2): closest beyond 0.61 is p4 (0.64):           0.17
 *   (1, 0): closest beyond 0.68 is p3 (0.73):           0.15
 *   (1, 2): closest beyond 0.13 is p3 (0.73):           0   (-0.40)
 *   (2, 0): no negative beyond 0.61, farthest p4 (0.45): 0.36
 *   (2, 1): closest beyond 0.13 is p3 (0.36):           0   (-0.03)
 *   (3, 4): closest beyond 0.09 is p0 (0.25):           0.04
 *   (4, 3): closest beyond 0.09 is p2 (0.45):           0   (-0.16)
 *   loss = 0.96 / 8 = 0.12; positives (0,1) (0,2) (1,0) (2,0) (3,4) = 5;
 *   negatives (0,4) (1,3) (2,4) (3,0) = 4, as (0,1) and (0,2) share p4
 *
 * hard, per anchor: farthest positive, closest negative
 *   p0: p1 (0.68), p3 (0.25): 0.63    p1: p0 (0.68), p3 (0.73): 0.15
 *   p2: p0 (0.61), p3 (0.36): 0.45    p3: p4 (0.09), p0 (0.25): 0.04
 *   p4: p3 (0.09), p2 (0.45): 0   (-0.16)
 *   loss = 1.27 / 5 = 0.254; counts (4, 4)
 *
 * all, the 8 of 18 triplets (a, p, n) with a non-zero term:
 *   (0,1,3) 0.63  (0,1,4) 0.24  (0,2,3) 0.56  (0,2,4) 0.17
 *   (1,0,3) 0.15  (2,0,3) 0.45  (2,0,4) 0.36  (3,4,0) 0.04
 *   loss = 2.6 / 8 = 0.325; positives (0,1) (0,2) (1,0) (2,0) (3,4) = 5;
 *   negatives (0,3) (0,4) (1,3) (2,3) (2,4) (3,0) = 6
 *   (the largest zero-loss margin: (2,1,3) at -0.03)
 * </pre>
 */
class TripletLossHandExampleTest {
  private static final LossFixtures.Batch BATCH =
      new LossFixtures.Batch(
          new double[][] {{0, 0}, {0.8, 0.2}, {0.6, 0.5}, {0, 0.5}, {0, 0.8}},
          new long[] {0, 0, 0, 1, 1});

  @Test
  void semihardGivesHandValue() {
    assertHandValue(TripletMining.SEMIHARD, 0.12, new MinedCounts(5, 4));
  }

  @Test
  void hardGivesHandValue() {
    assertHandValue(TripletMining.HARD, 0.254, new MinedCounts(4, 4));
  }

  @Test
  void allGivesHandValue() {
    assertHandValue(TripletMining.ALL, 0.325, new MinedCounts(5, 6));
  }

  private static void assertHandValue(TripletMining mining, double value, MinedCounts counts) {
    TripletLoss loss = TripletLoss.builder().optMining(mining).build();
    NaiveTripletLoss.Result reference =
        new NaiveTripletLoss(loss.getConfig()).evaluate(BATCH.embeddings(), BATCH.labels());
    assertEquals(value, reference.loss(), 1e-12);
    assertEquals(counts, reference.counts());
    BaselineFixtures.assertVectorisedValue(loss, BATCH, value, counts);
  }
}
