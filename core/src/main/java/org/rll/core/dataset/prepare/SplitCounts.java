package org.rll.core.dataset.prepare;

import org.rll.core.exceptions.ValidationException;

/**
 * The size of one split of a prepared dataset.
 *
 * @param images images in the split
 * @param classes distinct classes in the split
 */
public record SplitCounts(int images, int classes) {
  public SplitCounts {
    ValidationException.check(
        images >= 0 && classes >= 0 && classes <= images,
        "split counts must satisfy 0 <= classes <= images, got %d images, %d classes",
        images,
        classes);
  }
}
