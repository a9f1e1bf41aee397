package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;

/**
 * The triplet loss written plainly, one anchor and one triplet at a time in Java doubles: the
 * reference {@link TripletLoss} is tested against, for every {@link TripletMining}. Distances are
 * taken directly (not by the Gram expansion) with the same floor; selections scan in index order
 * and keep the first of equals. O(N^3 + N^2 d) per call.
 */
public final class NaiveTripletLoss {
  private final TripletLossConfig config;

  /** A reference for these settings. */
  public NaiveTripletLoss(TripletLossConfig config) {
    this.config = config;
  }

  /** The loss and the distinct pairs in the triplets with a non-zero term. */
  public record Result(double loss, MinedCounts counts) {}

  /** Loss and counts of a batch of N embeddings (rows) with N labels. */
  public Result evaluate(double[][] embeddings, long[] labels) {
    Tally tally = new Tally(PairDistances.direct(embeddings, labels, config.squaredDistance()));
    int n = embeddings.length;
    for (int a = 0; a < n; a++) {
      int hardestPositive = -1;
      int closestNegative = -1;
      for (int j = 0; j < n; j++) {
        if (labels[j] != labels[a]) {
          closestNegative = select(tally.d, a, closestNegative, j, -1);
        } else if (j != a) {
          hardestPositive = select(tally.d, a, hardestPositive, j, 1);
        }
      }
      for (int p = 0; p < n; p++) {
        if (p == a || labels[p] != labels[a]) {
          continue;
        }
        switch (config.mining()) {
          case SEMIHARD -> tally.add(a, p, semihardNegative(tally.d, labels, a, p));
          case ALL -> {
            for (int k = 0; k < n; k++) {
              if (labels[k] != labels[a]) {
                tally.add(a, p, k);
              }
            }
          }
          case HARD -> {}
        }
      }
      if (config.mining() == TripletMining.HARD && hardestPositive >= 0) {
        tally.add(a, hardestPositive, closestNegative);
      }
    }
    return tally.result();
  }

  /**
   * The closest negative of anchor a farther than p; if every negative is at most as far as p, the
   * farthest negative.
   */
  private static int semihardNegative(double[][] d, long[] labels, int a, int p) {
    int closestFarther = -1;
    int farthest = -1;
    for (int k = 0; k < d.length; k++) {
      if (labels[k] == labels[a]) {
        continue;
      }
      farthest = select(d, a, farthest, k, 1);
      if (d[a][k] > d[a][p]) {
        closestFarther = select(d, a, closestFarther, k, -1);
      }
    }
    return closestFarther >= 0 ? closestFarther : farthest;
  }

  /**
   * {@code candidate} if it is farther from a ({@code sign} 1) or closer (-1) than {@code best}.
   */
  private static int select(double[][] d, int a, int best, int candidate, int sign) {
    return best < 0 || sign * (d[a][candidate] - d[a][best]) > 0 ? candidate : best;
  }

  /** The running sum of triplet terms, the number of terms averaged over and the pairs used. */
  private final class Tally {
    private final double[][] d;
    private final boolean[][] usedPositives;
    private final boolean[][] usedNegatives;
    private double sum;
    private long terms;

    Tally(double[][] d) {
      this.d = d;
      this.usedPositives = new boolean[d.length][d.length];
      this.usedNegatives = new boolean[d.length][d.length];
    }

    /** Adds [d_ap - d_an + alpha]_+; with {@code all} only a non-zero term counts in the mean. */
    void add(int a, int p, int n) {
      double violation = d[a][p] - d[a][n] + config.margin();
      if (violation > 0) {
        sum += violation;
        usedPositives[a][p] = true;
        usedNegatives[a][n] = true;
      }
      if (violation > 0 || config.mining() != TripletMining.ALL) {
        terms++;
      }
    }

    Result result() {
      return new Result(
          terms > 0 ? sum / terms : 0, new MinedCounts(count(usedPositives), count(usedNegatives)));
    }

    private static long count(boolean[][] used) {
      long count = 0;
      for (boolean[] row : used) {
        for (boolean value : row) {
          count += value ? 1 : 0;
        }
      }
      return count;
    }
  }
}
