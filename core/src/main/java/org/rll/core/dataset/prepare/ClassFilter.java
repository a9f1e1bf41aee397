package org.rll.core.dataset.prepare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rll.core.dataset.format.LabeledEntry;

/** Leaves out the classes that have too few valid images to form a positive pair. */
final class ClassFilter {
  private ClassFilter() {}

  /**
   * The kept entries, in order, and the excluded classes.
   *
   * @param kept entries of classes with at least the minimum number of images
   * @param excluded the other classes, in class id order
   */
  record Filtered(List<LabeledEntry> kept, List<ExcludedClass> excluded) {}

  static Filtered apply(List<LabeledEntry> valid, int minImagesPerClass) {
    Map<Integer, Integer> counts = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    for (LabeledEntry entry : valid) {
      counts.merge(entry.classId(), 1, Integer::sum);
      names.putIfAbsent(entry.classId(), entry.className());
    }
    List<ExcludedClass> excluded = new ArrayList<>();
    counts.forEach(
        (classId, count) -> {
          if (count < minImagesPerClass) {
            String reason =
                String.format(
                    Locale.ROOT,
                    "%d valid image%s, fewer than the minimum %d",
                    count,
                    count == 1 ? "" : "s",
                    minImagesPerClass);
            excluded.add(new ExcludedClass(classId, names.get(classId), reason));
          }
        });
    List<LabeledEntry> kept =
        valid.stream().filter(e -> counts.get(e.classId()) >= minImagesPerClass).toList();
    return new Filtered(kept, excluded);
  }
}
