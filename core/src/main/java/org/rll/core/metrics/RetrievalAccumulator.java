package org.rll.core.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Running totals of hits per K and of average precisions, turned into a result at the end. */
final class RetrievalAccumulator {
  private final int[] ks;
  private final long[] hits;
  private int queries;
  private double averagePrecisionSum;
  private int averagePrecisionQueries;

  /** {@code ks} ascending. */
  RetrievalAccumulator(int[] ks) {
    this.ks = ks.clone();
    this.hits = new long[ks.length];
  }

  /** A query whose best same-class item has {@code rank} better items before it (0 = first). */
  void addRank(int rank) {
    queries++;
    for (int i = ks.length - 1; i >= 0 && rank < ks[i]; i--) {
      hits[i]++;
    }
  }

  /** A query whose class has no other member: a miss at every K. */
  void addMiss() {
    queries++;
  }

  void addAveragePrecision(double averagePrecision) {
    averagePrecisionSum += averagePrecision;
    averagePrecisionQueries++;
  }

  RetrievalResult result() {
    Map<Integer, Double> recall = new LinkedHashMap<>();
    for (int i = 0; i < ks.length; i++) {
      recall.put(ks[i], queries == 0 ? Double.NaN : (double) hits[i] / queries);
    }
    double mapAtR =
        averagePrecisionQueries == 0 ? Double.NaN : averagePrecisionSum / averagePrecisionQueries;
    return new RetrievalResult(recall, mapAtR, queries, averagePrecisionQueries);
  }
}
