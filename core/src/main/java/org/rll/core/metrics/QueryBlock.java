package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One block of queries: the device reduces its {@code B x N} score rows to a few numbers per row,
 * and the CPU turns them into ranks and average precisions.
 *
 * <p>Recall: with b the best same-class score of a row and p* the lowest gallery index holding it,
 * the rank of the first hit is {@code #{s > b} + #{s == b, j < p*}}. Both counts come from {@code
 * sign(s - b)} computed in place: its sum is {@code #{s > b} - #{s < b}} and the sum of its squares
 * {@code #{s != b}}. Float sums of such integers are exact below 2^24. Only rows with another score
 * equal to b read their signs back to count the ties before p*.
 *
 * <p>MAP@R: the top R+1 of each row by {@code topK}, with equal scores put in index order on the
 * CPU; a row whose R-th score equals its last fetched score may have equal scores outside the
 * fetched ones and is ranked exactly from its whole score row.
 */
final class QueryBlock {
  private final NDArray scores;
  private final NDManager manager;
  private final ClassMembers classes;
  private final int start;
  private final int rows;
  private final int gallerySize;

  /** {@code scores} of queries {@code [start, start + rows)}, self scores {@code -inf}. */
  QueryBlock(NDArray scores, ClassMembers classes, int start) {
    this.scores = scores;
    this.manager = scores.getManager();
    this.classes = classes;
    this.start = start;
    this.rows = (int) scores.getShape().get(0);
    this.gallerySize = classes.size();
  }

  /** Adds every query of the block to {@code accumulator}; overwrites the scores. */
  void accumulate(RetrievalAccumulator accumulator) {
    int[] bestIndex = new int[rows];
    float[] best = bestSameClassScores(bestIndex);
    accumulateAveragePrecisions(accumulator);
    accumulateRanks(accumulator, best, bestIndex);
  }

  /** Per row the best same-class score (0 for rows without one) and its lowest gallery index. */
  private float[] bestSameClassScores(int[] bestIndex) {
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

  private void accumulateAveragePrecisions(RetrievalAccumulator accumulator) {
    int largestR = classes.largestClass(start, start + rows) - 1;
    if (largestR == 0) {
      return;
    }
    int fetched = Math.min(gallerySize - 1, largestR + 1);
    boolean complete = fetched == gallerySize - 1;
    NDList top = scores.topK(fetched, 1, true, true);
    float[] topScores = top.get(0).toFloatArray();
    long[] topIndices = top.get(1).toLongArray();
    for (int r = 0; r < rows; r++) {
      int query = start + r;
      int relevant = classes.otherMembers(query);
      if (relevant == 0) {
        continue;
      }
      int offset = r * fetched;
      boolean tieMayExtendBeyond =
          !complete && topScores[offset + relevant - 1] == topScores[offset + fetched - 1];
      int[] ranked =
          tieMayExtendBeyond
              ? RankedList.topOfRow(scores.get(r).toFloatArray(), relevant)
              : RankedList.topOfCandidates(topScores, topIndices, offset, fetched, relevant);
      accumulator.addAveragePrecision(RankedList.averagePrecision(query, ranked, classes));
    }
  }

  private void accumulateRanks(RetrievalAccumulator accumulator, float[] best, int[] bestIndex) {
    scores.subi(manager.create(best, new Shape(rows, 1))).signi();
    float[] signSums = scores.sum(new int[] {1}).toFloatArray();
    float[] unequalCounts = scores.muli(scores).sum(new int[] {1}).toFloatArray();
    for (int r = 0; r < rows; r++) {
      if (classes.otherMembers(start + r) == 0) {
        accumulator.addMiss();
        continue;
      }
      int unequal = (int) unequalCounts[r];
      int rank = ((int) signSums[r] + unequal) / 2;
      if (gallerySize - unequal > 1) {
        rank += zerosBefore(scores.get(r).toFloatArray(), bestIndex[r]);
      }
      accumulator.addRank(rank);
    }
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
