package org.rll.core.dataset.archive;

import org.rll.core.exceptions.ValidationException;

/**
 * Bounds on what one extraction may write, against archive bombs. Sizes count the bytes actually
 * written, never the sizes an archive declares.
 *
 * @param maxEntries most entries of any kind (files, directories, links)
 * @param maxEntryBytes most bytes of one file
 * @param maxTotalBytes most bytes of all files together
 */
public record ExtractionLimits(long maxEntries, long maxEntryBytes, long maxTotalBytes) {

  /** 1,000,000 entries, 2 GiB per entry, 64 GiB in total: room for SOP, CUB and CARS196. */
  public static final ExtractionLimits DEFAULTS =
      new ExtractionLimits(1_000_000L, 2L << 30, 64L << 30);

  public ExtractionLimits {
    ValidationException.check(maxEntries > 0, "maxEntries must be > 0, got %d", maxEntries);
    ValidationException.check(
        maxEntryBytes > 0, "maxEntryBytes must be > 0, got %d", maxEntryBytes);
    ValidationException.check(
        maxTotalBytes >= maxEntryBytes,
        "maxTotalBytes must be >= maxEntryBytes (%d), got %d",
        maxEntryBytes,
        maxTotalBytes);
  }
}
