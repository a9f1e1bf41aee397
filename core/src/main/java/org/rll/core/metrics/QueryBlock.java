package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One block of queries: the device reduces its {@code B x N} score rows to a few numbers per row,
 * and the CPU turns them into ranks and average precisions.
 *
 * <p>One {@code topK} fetches the highest {@link #MIN_FETCHED} or R+1 scores of each row, whichever
 * is more ({@link TopCandidates}). MAP@R takes the top R from them; a row whose R-th score equals
 * its last fetched score may have equal scores outside the fetched ones and is ranked exactly from
 * its whole score row.
 *
 * <p>Recall: a row whose best same-class score is above its last fetched score has its rank in the
 * fetched list; only the other rows are counted over their whole rows ({@link FirstHitCounter}), so
 * that well-separated embeddings cost little beyond the product and the {@code topK}.
 */
final class QueryBlock {
  /** Enough that most rows of useful embeddings find their first hit among the fetched scores. */
  static final int MIN_FETCHED = 16;

  private final NDArray scores;
  private final ClassMembers classes;
  private final int start;
  private final int rows;
  private final int gallerySize;

  /** {@code scores} of queries {@code [start, start + rows)}, self scores {@code -inf}. */
  QueryBlock(NDArray scores, ClassMembers classes, int start) {
    this.scores = scores;
    this.classes = classes;
    this.start = start;
    this.rows = (int) scores.getShape().get(0);
    this.gallerySize = classes.size();
  }

  /** Adds every query of the block to {@code accumulator}; may overwrite the scores. */
  void accumulate(RetrievalAccumulator accumulator) {
    int largestR = classes.largestClass(start, start + rows) - 1;
    if (largestR == 0) {
      for (int r = 0; r < rows; r++) {
        accumulator.addMiss();
      }
      return;
    }
    int[] bestIndex = new int[rows];
    float[] best = bestSameClassScores(bestIndex);
    int fetched = Math.min(gallerySize - 1, Math.max(largestR + 1, MIN_FETCHED));
    TopCandidates top = new TopCandidates(scores, fetched, gallerySize);
    accumulateAveragePrecisions(accumulator, top);
    accumulateRanks(accumulator, top, best, bestIndex);
  }

  /** Per row the best same-class score (0 for rows without one) and its lowest gallery index. */
  private float[] bestSameClassScores(int[] bestIndex) {
    NDManager manager = scores.getManager();
    int width = classes.largestClass(start, start + rows);
    long[] members = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      classes.fillMembers(start + r, members, r * width, width);
    }
    float[] memberScores =
        scores.gather(manager.create(members, new Shape(rows, width)), 1).toFloatArray();
    float[] best = new float[rows];
    for (int r = 0; r < rows; r++) {
      int bestAt = r * width;
      for (int p = bestAt + 1; p < (r + 1) * width; p++) {
        if (memberScores[p] > memberScores[bestAt]) {
          bestAt = p;
        }
      }
      best[r] = classes.otherMembers(start + r) == 0 ? 0f : memberScores[bestAt];
      bestIndex[r] = (int) members[bestAt];
    }
    return best;
  }

  private void accumulateAveragePrecisions(RetrievalAccumulator accumulator, TopCandidates top) {
    for (int r = 0; r < rows; r++) {
      int query = start + r;
      int relevant = classes.otherMembers(query);
      if (relevant == 0) {
        continue;
      }
      int[] ranked = top.ranked(r, relevant);
      if (ranked == null) {
        ranked = RankedList.topOfRow(scores.get(r).toFloatArray(), relevant);
      }
      accumulator.addAveragePrecision(RankedList.averagePrecision(query, ranked, classes));
    }
  }

  private void accumulateRanks(
      RetrievalAccumulator accumulator, TopCandidates top, float[] best, int[] bestIndex) {
    int[] open = new int[rows];
    int openCount = 0;
    for (int r = 0; r < rows; r++) {
      if (classes.otherMembers(start + r) == 0) {
        accumulator.addMiss();
        continue;
      }
      int rank = top.rankOf(r, best[r], bestIndex[r]);
      if (rank < 0) {
        open[openCount++] = r;
      } else {
        accumulator.addRank(rank);
      }
    }
    if (openCount > 0) {
      for (int rank :
          FirstHitCounter.ranks(scores, open, openCount, best, bestIndex, gallerySize)) {
        accumulator.addRank(rank);
      }
    }
  }
}
