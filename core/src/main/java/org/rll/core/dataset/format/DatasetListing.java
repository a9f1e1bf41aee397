package org.rll.core.dataset.format;

import java.nio.file.Path;
import java.util.List;

/**
 * What a dataset's label files list: its images, in the order the files give them.
 *
 * @param baseDirectory the directory every entry path is relative to
 * @param entries the images with their classes and splits
 */
public record DatasetListing(Path baseDirectory, List<LabeledEntry> entries) {
  public DatasetListing {
    entries = List.copyOf(entries);
  }

  /** The same images with other entries, such as after a split rule reassigned them. */
  public DatasetListing withEntries(List<LabeledEntry> newEntries) {
    return new DatasetListing(baseDirectory, newEntries);
  }
}
