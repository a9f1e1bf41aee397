package org.rll.core.dataset.prepare;

import java.util.List;
import java.util.Map;
import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.ValidationException;

/**
 * What a prepared dataset holds: the result of {@link DatasetPreparer#prepare}.
 *
 * @param manifestKey the blob key of the manifest
 * @param splits image and class counts per split
 * @param rejectedImages images left out as missing, undecodable or truncated
 * @param excludedClasses classes left out, with reasons, in class id order
 */
public record PreparedDataset(
    String manifestKey,
    Map<Split, SplitCounts> splits,
    int rejectedImages,
    List<ExcludedClass> excludedClasses) {
  public PreparedDataset {
    splits = Map.copyOf(splits);
    excludedClasses = List.copyOf(excludedClasses);
    ValidationException.check(
        splits.keySet().containsAll(List.of(Split.values())),
        "counts needed for every split, got %s",
        splits.keySet());
    ValidationException.check(
        rejectedImages >= 0, "rejected images must be >= 0, got %d", rejectedImages);
  }

  /** The counts of one split. */
  public SplitCounts counts(Split split) {
    return splits.get(split);
  }
}
