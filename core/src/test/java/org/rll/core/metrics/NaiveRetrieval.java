package org.rll.core.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The plain reference: for every query, all other items fully sorted by (squared Euclidean distance
 * in double precision, index); squared distances order exactly as distances do.
 */
final class NaiveRetrieval {
  final double[] recall;
  final double mapAtR;
  final int mapQueries;

  NaiveRetrieval(float[][] points, int[] labels, int[] ks) {
    int n = points.length;
    long[] hits = new long[ks.length];
    double apSum = 0;
    int apQueries = 0;
    for (int q = 0; q < n; q++) {
      Integer[] order = ranking(points, q);
      int relevant = 0;
      for (int j = 0; j < n; j++) {
        if (j != q && labels[j] == labels[q]) {
          relevant++;
        }
      }
      int firstHit = Integer.MAX_VALUE;
      for (int position = 0; position < order.length; position++) {
        if (labels[order[position]] == labels[q]) {
          firstHit = position;
          break;
        }
      }
      for (int i = 0; i < ks.length; i++) {
        if (firstHit < ks[i]) {
          hits[i]++;
        }
      }
      if (relevant > 0) {
        int found = 0;
        double sum = 0;
        for (int position = 0; position < relevant; position++) {
          if (labels[order[position]] == labels[q]) {
            found++;
            sum += (double) found / (position + 1);
          }
        }
        apSum += sum / relevant;
        apQueries++;
      }
    }
    this.recall = Arrays.stream(hits).mapToDouble(h -> (double) h / n).toArray();
    this.mapAtR = apQueries == 0 ? Double.NaN : apSum / apQueries;
    this.mapQueries = apQueries;
  }

  private static Integer[] ranking(float[][] points, int query) {
    int n = points.length;
    double[] distance = new double[n];
    Integer[] others = new Integer[n - 1];
    for (int j = 0, o = 0; j < n; j++) {
      double sum = 0;
      for (int c = 0; c < points[j].length; c++) {
        double diff = (double) points[query][c] - points[j][c];
        sum += diff * diff;
      }
      distance[j] = sum;
      if (j != query) {
        others[o++] = j;
      }
    }
    Arrays.sort(
        others, Comparator.<Integer>comparingDouble(j -> distance[j]).thenComparingInt(j -> j));
    return others;
  }
}
