package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Ranks of the best same-class items counted over whole score rows, for the rows of a block whose
 * rank the fetched top scores leave open.
 *
 * <p>With b the best same-class score of a row and p* the lowest gallery index holding it, the rank
 * is {@code #{s > b} + #{s == b, j < p*}}. Both counts come from {@code sign(s - b)} computed in
 * place: its sum is {@code #{s > b} - #{s < b}} and the sum of its squares {@code #{s != b}}. Float
 * sums of such integers are exact below 2^24. Only rows with another score equal to b read their
 * signs back to count the ties before p*.
 */
final class FirstHitCounter {
  private FirstHitCounter() {}

  /**
   * The ranks of {@code rows[0, count)} of {@code blockScores}, whose best same-class scores and
   * indices are {@code best} and {@code bestIndex} (indexed by block row). The counted rows are
   * copied out first unless they are over three quarters of the block, which is then overwritten.
   */
  static int[] ranks(
      NDArray blockScores, int[] rows, int count, float[] best, int[] bestIndex, int gallerySize) {
    NDManager manager = blockScores.getManager();
    int[] targetRow = rows;
    float[] thresholds = best;
    NDArray target = blockScores;
    if (count * 4L <= blockScores.getShape().get(0) * 3L) {
      targetRow = new int[count];
      thresholds = new float[count];
      long[] picked = new long[count];
      for (int t = 0; t < count; t++) {
        targetRow[t] = t;
        thresholds[t] = best[rows[t]];
        picked[t] = rows[t];
      }
      target = blockScores.get(manager.create(picked));
    }
    target.subi(manager.create(thresholds, new Shape(thresholds.length, 1))).signi();
    float[] signSums = target.sum(new int[] {1}).toFloatArray();
    float[] unequalCounts = target.muli(target).sum(new int[] {1}).toFloatArray();
    int[] ranks = new int[count];
    for (int t = 0; t < count; t++) {
      int unequal = (int) unequalCounts[targetRow[t]];
      ranks[t] = ((int) signSums[targetRow[t]] + unequal) / 2;
      if (gallerySize - unequal > 1) {
        ranks[t] += zerosBefore(target.get(targetRow[t]).toFloatArray(), bestIndex[rows[t]]);
      }
    }
    return ranks;
  }

  private static int zerosBefore(float[] row, int end) {
    int zeros = 0;
    for (int j = 0; j < end; j++) {
      if (row[j] == 0f) {
        zeros++;
      }
    }
    return zeros;
  }
}
