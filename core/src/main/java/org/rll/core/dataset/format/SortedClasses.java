package org.rll.core.dataset.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Numbers classes known only by name, as image folders and CSV files give them: a class's id is its
 * index among the sorted names, and the first half (rounded up) of the sorted names is train.
 */
final class SortedClasses {
  private SortedClasses() {}

  /** Entries for {@code (path, class name)} pairs, in their given order. */
  static DatasetListing listing(Path base, List<Map.Entry<String, String>> pathsAndClasses) {
    Map<String, Integer> ids = new TreeMap<>();
    pathsAndClasses.forEach(p -> ids.put(p.getValue(), 0));
    int next = 0;
    for (Map.Entry<String, Integer> id : ids.entrySet()) {
      id.setValue(next++);
    }
    Set<String> train = SplitRule.firstHalfOf(ids.keySet());
    List<LabeledEntry> entries = new ArrayList<>(pathsAndClasses.size());
    for (Map.Entry<String, String> image : pathsAndClasses) {
      String name = image.getValue();
      Split split = train.contains(name) ? Split.TRAIN : Split.TEST;
      entries.add(new LabeledEntry(image.getKey(), ids.get(name), name, split));
    }
    return new DatasetListing(base, entries);
  }
}
