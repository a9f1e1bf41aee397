package org.rll.core.metrics;

/**
 * Exact orderings by (score descending, gallery index ascending) on the CPU, and the average
 * precision of a ranked list. Used for the few rows whose device results leave an order of equal
 * scores open.
 */
final class RankedList {
  private RankedList() {}

  /** Whether (scoreA, indexA) ranks before (scoreB, indexB). */
  static boolean ranksBefore(float scoreA, long indexA, float scoreB, long indexB) {
    return scoreA > scoreB || (scoreA == scoreB && indexA < indexB);
  }

  /**
   * The first {@code count} of {@code length} candidates starting at {@code offset}, in exact
   * order; the candidates must include every item that ranks within the first {@code count}.
   */
  static int[] topOfCandidates(float[] scores, long[] indices, int offset, int length, int count) {
    float[] topScores = new float[count];
    int[] top = new int[count];
    int filled = 0;
    for (int c = offset; c < offset + length; c++) {
      filled = insert(topScores, top, filled, scores[c], (int) indices[c]);
    }
    return top;
  }

  /** The first {@code count} gallery indices of a whole score row, in exact order. */
  static int[] topOfRow(float[] row, int count) {
    float[] topScores = new float[count];
    int[] top = new int[count];
    int filled = 0;
    for (int j = 0; j < row.length; j++) {
      filled = insert(topScores, top, filled, row[j], j);
    }
    return top;
  }

  /** Inserts (score, index) into the sorted prefix of length {@code filled}, capped at capacity. */
  private static int insert(float[] topScores, int[] top, int filled, float score, int index) {
    int position = Math.min(filled, top.length - 1);
    if (filled == top.length && !ranksBefore(score, index, topScores[position], top[position])) {
      return filled;
    }
    while (position > 0 && ranksBefore(score, index, topScores[position - 1], top[position - 1])) {
      topScores[position] = topScores[position - 1];
      top[position] = top[position - 1];
      position--;
    }
    topScores[position] = score;
    top[position] = index;
    return Math.min(filled + 1, top.length);
  }

  /**
   * AP@R of {@code query}: {@code (1/R) sum_{i=1..R} P(i) rel(i)} over the first R = {@code
   * ranked.length} retrieved items.
   */
  static double averagePrecision(int query, int[] ranked, ClassMembers classes) {
    int relevant = 0;
    double sum = 0;
    for (int i = 0; i < ranked.length; i++) {
      if (classes.sameClass(query, ranked[i])) {
        relevant++;
        sum += (double) relevant / (i + 1);
      }
    }
    return sum / ranked.length;
  }
}
