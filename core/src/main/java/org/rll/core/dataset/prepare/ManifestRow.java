package org.rll.core.dataset.prepare;

import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.ValidationException;

/**
 * One image of a prepared dataset.
 *
 * @param imageKey the blob key of the image, or {@code <idx blob key>#<index>} for IDX datasets
 * @param classId the class id as the dataset numbers it
 * @param className the class's name
 * @param split the split the image belongs to
 */
public record ManifestRow(String imageKey, int classId, String className, Split split) {
  public ManifestRow {
    ValidationException.check(
        imageKey != null && !imageKey.isEmpty(), "image key must not be empty");
    ValidationException.check(
        className != null && !className.isEmpty(),
        "class name of '%s' must not be empty",
        imageKey);
    ValidationException.check(split != null, "split of '%s' must not be null", imageKey);
  }
}
