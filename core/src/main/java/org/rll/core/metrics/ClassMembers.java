package org.rll.core.metrics;

import java.util.Arrays;

/**
 * The members of every class, each class's indices in ascending order, so that the same-class
 * gallery items of a query are known on the CPU without touching the embeddings.
 */
final class ClassMembers {
  private final int[] labels;
  private final int[] grouped;
  private final int[] groupStart;
  private final int[] groupSize;

  ClassMembers(int[] labels) {
    int n = labels.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) labels[i] << 32) | i;
    }
    Arrays.sort(keys);
    this.labels = labels.clone();
    this.grouped = new int[n];
    this.groupStart = new int[n];
    this.groupSize = new int[n];
    int start = 0;
    for (int end = 1; end <= n; end++) {
      if (end == n || (keys[end] >> 32) != (keys[start] >> 32)) {
        for (int p = start; p < end; p++) {
          int member = (int) keys[p];
          grouped[p] = member;
          groupStart[member] = start;
          groupSize[member] = end - start;
        }
        start = end;
      }
    }
  }

  int size() {
    return labels.length;
  }

  boolean sameClass(int a, int b) {
    return labels[a] == labels[b];
  }

  /** R of {@code query}: how many other items share its class. */
  int otherMembers(int query) {
    return groupSize[query] - 1;
  }

  /** The largest class size among the queries {@code [start, end)}. */
  int largestClass(int start, int end) {
    int largest = 0;
    for (int i = start; i < end; i++) {
      largest = Math.max(largest, groupSize[i]);
    }
    return largest;
  }

  /**
   * Writes the members of {@code query}'s class, ascending, into {@code dest[offset, offset +
   * width)}, padding the rest with {@code query} itself.
   */
  void fillMembers(int query, long[] dest, int offset, int width) {
    int size = groupSize[query];
    for (int p = 0; p < width; p++) {
      dest[offset + p] = p < size ? grouped[groupStart[query] + p] : query;
    }
  }
}
