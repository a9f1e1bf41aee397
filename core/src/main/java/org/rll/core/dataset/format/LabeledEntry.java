package org.rll.core.dataset.format;

import org.rll.core.exceptions.ValidationException;

/**
 * One image of a dataset as its label files describe it.
 *
 * @param path '/'-separated path relative to the dataset's base directory; for IDX formats {@code
 *     <idx file>#<index>}
 * @param classId the class id as the dataset numbers it
 * @param className the class's human-readable name
 * @param split the split the image belongs to
 */
public record LabeledEntry(String path, int classId, String className, Split split) {
  public LabeledEntry {
    ValidationException.check(path != null && !path.isEmpty(), "entry path must not be empty");
    ValidationException.check(
        className != null && !className.isEmpty(), "class name of '%s' must not be empty", path);
    ValidationException.check(split != null, "split of '%s' must not be null", path);
  }

  /** The same image in another split. */
  public LabeledEntry withSplit(Split newSplit) {
    return new LabeledEntry(path, classId, className, newSplit);
  }
}
