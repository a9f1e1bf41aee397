package org.rll.core.dataset;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.rll.core.dataset.fetch.Checksum;
import org.rll.core.dataset.fetch.SourceUris;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.Sha256Counter;

/**
 * Which dataset to prepare: where its archive (or extracted directory) is, the checksum it must
 * have, how to read its labels and how to split its classes.
 *
 * @param source {@code https://}, {@code http://}, {@code s3://} or {@code file://} URI of an
 *     archive, or a {@code file://} URI of an extracted directory
 * @param checksum the published checksum to pin, if any
 * @param format how its label files are read
 * @param split which classes train and which test
 * @param minImagesPerClass classes with fewer valid images are excluded
 */
public record DatasetSpec(
    URI source,
    Optional<Checksum> checksum,
    DatasetFormat format,
    SplitRule split,
    int minImagesPerClass) {
  public DatasetSpec {
    ValidationException.check(source != null, "dataset spec needs a source URI");
    ValidationException.check(
        source.getScheme() != null, "dataset source '%s' has no scheme (https, s3, file)", source);
    SourceUris.check(source);
    ValidationException.check(checksum != null, "checksum must be given or empty, not null");
    ValidationException.check(format != null, "dataset spec needs a format");
    ValidationException.check(split != null, "dataset spec needs a split rule");
    ValidationException.check(
        minImagesPerClass >= 2,
        "a class needs at least 2 images to hold a positive pair; got minimum %d",
        minImagesPerClass);
  }

  /** The paper's protocol for {@code format}, at least 2 images a class, no pinned checksum. */
  public static DatasetSpec of(URI source, DatasetFormat format) {
    return new DatasetSpec(source, Optional.empty(), format, SplitRule.protocol(), 2);
  }

  /** This spec with {@code checksum} pinned. */
  public DatasetSpec withChecksum(Checksum checksum) {
    return new DatasetSpec(source, Optional.of(checksum), format, split, minImagesPerClass);
  }

  /**
   * Names the preparation choices (format, split, minimum), so that one archive prepared two ways
   * lands under two prefixes: 16 hex digits of their SHA-256.
   */
  public String preparationId() {
    String text =
        String.format(Locale.ROOT, "%s|%s|%d", format.id(), split.describe(), minImagesPerClass);
    return Sha256Counter.hex(text).substring(0, 16);
  }
}
