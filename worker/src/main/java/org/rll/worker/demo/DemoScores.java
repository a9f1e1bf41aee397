package org.rll.worker.demo;

import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;

/** Retrieval and clustering quality of one embedding of the demo's test classes. */
public record DemoScores(SortedMap<Integer, Double> recallAtK, double mapAtR, double nmi) {

  /** The column titles matching {@link #row}. */
  public String header() {
    return recallAtK.keySet().stream()
            .map(k -> String.format(Locale.ROOT, "%7s", "R@" + k))
            .collect(Collectors.joining())
        + String.format(Locale.ROOT, "%8s%8s", "MAP@R", "NMI");
  }

  /** The scores in percent, one column each. */
  public String row() {
    return recallAtK.values().stream()
            .map(v -> String.format(Locale.ROOT, "%7.1f", 100 * v))
            .collect(Collectors.joining())
        + String.format(Locale.ROOT, "%8.1f%8.1f", 100 * mapAtR, 100 * nmi);
  }
}
