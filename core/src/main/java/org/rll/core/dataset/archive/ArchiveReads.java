package org.rll.core.dataset.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Reads from an archive stream, turning read failures into {@link CorruptDataException}s that name
 * the entry. Write failures (a full disk) stay plain {@link IOException}s: they are not the
 * archive's fault.
 */
final class ArchiveReads {
  private ArchiveReads() {}

  static int read(String entryName, InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw truncated(entryName, e);
    }
  }

  static byte[] readAtMost(String entryName, InputStream in, int maxBytes) {
    try {
      return in.readNBytes(maxBytes);
    } catch (IOException e) {
      throw truncated(entryName, e);
    }
  }

  static ArchiveEntry next(String previousEntry, ArchiveInputStream<?> in) {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      String where = previousEntry == null ? "at its start" : "after entry '" + previousEntry + "'";
      throw new CorruptDataException(
          "archive is truncated or malformed " + where + ": " + e.getMessage(), e);
    }
  }

  private static CorruptDataException truncated(String entryName, IOException e) {
    return new CorruptDataException(
        "archive entry '" + entryName + "' is truncated or malformed: " + e.getMessage(), e);
  }
}
