package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.rll.core.exceptions.ValidationException;

/**
 * Normalized mutual information of two labelings, NMI = 2 I(c; k) / (H(c) + H(k)), natural logs
 * (the ratio does not depend on the base). When both labelings are a single group, H(c) + H(k) = 0
 * and NMI is 1 by convention.
 *
 * <p>Exact, from a sparse contingency table: the (class, cluster) pairs are packed into longs and
 * sorted, so the cost is O(N log N) whatever the numbers of classes and clusters.
 */
public final class NormalizedMutualInformation {
  private NormalizedMutualInformation() {}

  /**
   * NMI of {@code classes} and {@code clusters}: equal lengths, at least one point, non-negative
   * label values of any size. The result lies in [0, 1] (clamped against rounding).
   */
  public static double of(int[] classes, int[] clusters) {
    ValidationException.check(
        classes.length == clusters.length,
        "classes and clusters must have the same length, got %d and %d",
        classes.length,
        clusters.length);
    ValidationException.check(classes.length > 0, "labelings must not be empty");
    int[] classIds = denseIds(classes, "classes");
    int[] clusterIds = denseIds(clusters, "clusters");
    int classCount = Arrays.stream(classIds).max().getAsInt() + 1;
    int clusterCount = Arrays.stream(clusterIds).max().getAsInt() + 1;
    int[] classSizes = new int[classCount];
    int[] clusterSizes = new int[clusterCount];
    long[] pairs = new long[classIds.length];
    for (int i = 0; i < pairs.length; i++) {
      classSizes[classIds[i]]++;
      clusterSizes[clusterIds[i]]++;
      pairs[i] = (long) classIds[i] * clusterCount + clusterIds[i];
    }
    Arrays.sort(pairs);
    double n = pairs.length;
    double mutualInformation = 0;
    for (int start = 0; start < pairs.length; ) {
      int end = start;
      while (end < pairs.length && pairs[end] == pairs[start]) {
        end++;
      }
      double joint = end - start;
      int classSize = classSizes[(int) (pairs[start] / clusterCount)];
      int clusterSize = clusterSizes[(int) (pairs[start] % clusterCount)];
      mutualInformation += joint / n * Math.log(n * joint / ((double) classSize * clusterSize));
      start = end;
    }
    double entropySum = entropy(classSizes, n) + entropy(clusterSizes, n);
    if (entropySum == 0) {
      return 1.0;
    }
    return Math.min(1.0, Math.max(0.0, 2 * mutualInformation / entropySum));
  }

  /**
   * The evaluation protocol's NMI: k-means of {@code embeddings} (N x d float32) with k = the
   * number of distinct {@code labels} and default settings from {@code seed}, scored against the
   * labels.
   */
  public static double ofKMeans(NDArray embeddings, int[] labels, long seed) {
    ValidationException.check(
        embeddings.getShape().dimension() >= 1 && embeddings.getShape().get(0) == labels.length,
        "embeddings must have one row per label (%d labels), got shape %s",
        labels.length,
        embeddings.getShape());
    int k = (int) Arrays.stream(labels).distinct().count();
    KMeansResult clustering = KMeans.builder().setK(k).optSeed(seed).build().fit(embeddings);
    return of(labels, clustering.assignments());
  }

  /** Each label replaced by its rank among the distinct labels. */
  private static int[] denseIds(int[] labels, String name) {
    int[] distinct = labels.clone();
    Arrays.sort(distinct);
    ValidationException.check(
        distinct[0] >= 0, "%s must be non-negative, got %d", name, distinct[0]);
    int unique = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[unique++] = distinct[i];
      }
    }
    int[] ids = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      ids[i] = Arrays.binarySearch(distinct, 0, unique, labels[i]);
    }
    return ids;
  }

  private static double entropy(int[] sizes, double n) {
    double entropy = 0;
    for (int size : sizes) {
      entropy -= size / n * Math.log(size / n);
    }
    return entropy;
  }
}
