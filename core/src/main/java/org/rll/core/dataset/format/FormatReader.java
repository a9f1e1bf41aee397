package org.rll.core.dataset.format;

import java.nio.file.Path;

/** Reads one dataset format's label files into a listing with the format's own split. */
interface FormatReader {
  /**
   * Lists the images under an extracted dataset directory.
   *
   * @throws org.rll.core.exceptions.ValidationException when a label file is missing
   * @throws org.rll.core.exceptions.CorruptDataException when a label file is malformed
   */
  DatasetListing read(Path root);
}
