package org.rll.core.dataset.prepare;

import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;

/**
 * Where a prepared dataset's blobs live under its prefix. {@code manifest.csv} is written last; its
 * presence means the rest is complete.
 *
 * @param prefix empty, or a valid key prefix ending in '/', such as {@code
 *     datasets/<sha>/prepared/}
 */
public record PreparedLayout(String prefix) {
  public PreparedLayout {
    BlobKeys.checkPrefix(prefix);
    ValidationException.check(
        prefix.isEmpty() || prefix.endsWith("/"), "prefix must end with '/', got '%s'", prefix);
  }

  /** The copy of the image at {@code relativePath}. */
  public String image(String relativePath) {
    return BlobKeys.check(prefix + "images/" + relativePath);
  }

  /** The uncompressed IDX3 blob holding a split's images (IDX formats only). */
  public String idx(Split split) {
    return prefix + split.label() + "-images.idx";
  }

  /** The manifest key of image {@code index} of a split's IDX blob. */
  public String idxImage(Split split, int index) {
    return idx(split) + "#" + index;
  }

  /** {@code path,reason} of every rejected image. */
  public String rejected() {
    return prefix + "rejected.csv";
  }

  /** {@code class_id,class_name,reason} of every excluded class. */
  public String excluded() {
    return prefix + "excluded.csv";
  }

  /** A human-readable JSON summary. */
  public String summary() {
    return prefix + "summary.json";
  }

  /** The dataset manifest, written last. */
  public String manifest() {
    return prefix + "manifest.csv";
  }
}
