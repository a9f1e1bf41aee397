package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The highest {@code fetched} scores of every row of a query block, from one {@code topK}, read
 * back to the CPU. Equal scores come back from {@code topK} in no particular order, so every answer
 * here orders candidates by (score descending, gallery index ascending) itself, and declines when
 * an item outside the fetched ones could take part.
 */
final class TopCandidates {
  private final float[] scores;
  private final long[] indices;
  private final int fetched;
  private final boolean complete;

  /** The top {@code fetched} of each row of {@code blockScores}, whose self scores are -inf. */
  TopCandidates(NDArray blockScores, int fetched, int gallerySize) {
    NDList top = blockScores.topK(fetched, 1, true, true);
    this.scores = top.get(0).toFloatArray();
    this.indices = top.get(1).toLongArray();
    this.fetched = fetched;
    this.complete = fetched == gallerySize - 1;
  }

  /**
   * How many gallery items of {@code row} rank before the item {@code (score, index)}, or -1 when
   * the fetched ones cannot tell: every unfetched item scores at most the last fetched score, so
   * the count is decided only when {@code score} is above it or nothing is unfetched.
   */
  int rankOf(int row, float score, int index) {
    int offset = row * fetched;
    if (!complete && !(score > scores[offset + fetched - 1])) {
      return -1;
    }
    int before = 0;
    for (int c = offset; c < offset + fetched; c++) {
      if (RankedList.ranksBefore(scores[c], indices[c], score, index)) {
        before++;
      }
    }
    return before;
  }

  /**
   * The first {@code count} gallery indices of {@code row} in exact order, or null when the {@code
   * count}-th score equals the last fetched one, so that equal scores may lie outside.
   */
  int[] ranked(int row, int count) {
    int offset = row * fetched;
    if (!complete && scores[offset + count - 1] == scores[offset + fetched - 1]) {
      return null;
    }
    return RankedList.topOfCandidates(scores, indices, offset, fetched, count);
  }
}
