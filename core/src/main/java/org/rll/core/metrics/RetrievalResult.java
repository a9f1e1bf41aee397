package org.rll.core.metrics;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Recall@K and MAP@R of one embedding set under the leave-one-out retrieval protocol.
 *
 * <p>Recall@K is a fraction in [0, 1] over all {@link #queryCount()} queries (a query whose class
 * has no other member is a miss); MAP@R is the mean over the {@link #mapQueryCount()} queries whose
 * class has another member, or {@code NaN} when there is none.
 */
public final class RetrievalResult {
  private final SortedMap<Integer, Double> recallAtK;
  private final double mapAtR;
  private final int queryCount;
  private final int mapQueryCount;

  /** A result; {@code recallAtK} is copied. */
  public RetrievalResult(
      Map<Integer, Double> recallAtK, double mapAtR, int queryCount, int mapQueryCount) {
    this.recallAtK = Collections.unmodifiableSortedMap(new TreeMap<>(recallAtK));
    this.mapAtR = mapAtR;
    this.queryCount = queryCount;
    this.mapQueryCount = mapQueryCount;
  }

  /** Recall@K for every configured K, keyed by K in ascending order (unmodifiable). */
  public SortedMap<Integer, Double> recallAtK() {
    return recallAtK;
  }

  /** Recall@K for one configured K. */
  public double recallAt(int k) {
    Double recall = recallAtK.get(k);
    if (recall == null) {
      throw new IllegalArgumentException(
          "k " + k + " was not evaluated, have " + recallAtK.keySet());
    }
    return recall;
  }

  /** MAP@R (Musgrave et al. 2020) over the queries with at least one same-class gallery item. */
  public double mapAtR() {
    return mapAtR;
  }

  /** The number of queries: every embedding is a query once. */
  public int queryCount() {
    return queryCount;
  }

  /** The number of queries that MAP@R averages over (their class has another member). */
  public int mapQueryCount() {
    return mapQueryCount;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RetrievalResult{");
    recallAtK.forEach((k, r) -> text.append(String.format(Locale.ROOT, "R@%d=%.4f, ", k, r)));
    return text.append(
            String.format(
                Locale.ROOT,
                "MAP@R=%.4f, queries=%d, mapQueries=%d}",
                mapAtR,
                queryCount,
                mapQueryCount))
        .toString();
  }
}
