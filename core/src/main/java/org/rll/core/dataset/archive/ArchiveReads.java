package org.rll.core.dataset.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExceptionText;

/**
 * Reads one archive, turning read failures into {@link CorruptDataException}s that name the archive
 * and the entry, and tell a truncated archive (the reader hit its end, after so many bytes) from a
 * malformed one. Write failures (a full disk) stay plain {@link IOException}s: they are not the
 * archive's fault.
 */
final class ArchiveReads {
  private final String name;
  private final ArchiveFormat format;
  private final CountingInput raw;

  /** Reads {@code in}, an archive of {@code format} that {@code name} names in errors. */
  ArchiveReads(String name, ArchiveFormat format, InputStream in) {
    this.name = name;
    this.format = format;
    this.raw = new CountingInput(in);
  }

  /** The archive's entries as a stream; a gzip stream must hold a tar archive. */
  ArchiveInputStream<?> open() {
    try {
      return switch (format) {
        case TAR -> new TarArchiveInputStream(raw);
        case TAR_GZ ->
            new TarArchiveInputStream(
                ArchiveDetection.requireTar(
                    // A larger buffer would decompress ahead, into a cut, before the first entry.
                    new BufferedInputStream(
                        new GzipCompressorInputStream(raw, true), FirstBytes.LENGTH),
                    name));
        // Stored entries with data descriptors are legal zip; without this flag they fail to read.
        case ZIP -> new ZipArchiveInputStream(raw, "UTF-8", true, true);
      };
    } catch (IOException e) {
      throw broken("before its first entry", e);
    }
  }

  /** The entry after {@code previousEntry} (null at the start), or null at the archive's end. */
  ArchiveEntry next(String previousEntry, ArchiveInputStream<?> in) {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      throw broken(
          previousEntry == null ? "before its first entry" : "after entry '" + previousEntry + "'",
          e);
    }
  }

  /** Reads data of {@code entryName} into {@code buffer}; -1 at the entry's end. */
  int read(String entryName, InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw broken("inside entry '" + entryName + "'", e);
    }
  }

  /** Reads at most {@code maxBytes} of the data of {@code entryName}. */
  byte[] readAtMost(String entryName, InputStream in, int maxBytes) {
    try {
      return in.readNBytes(maxBytes);
    } catch (IOException e) {
      throw broken("inside entry '" + entryName + "'", e);
    }
  }

  private CorruptDataException broken(String where, IOException e) {
    if (raw.ended()) { // the reader wanted more than the input held
      return new CorruptDataException(
          String.format(
              Locale.ROOT,
              "'%s' is truncated: the %s ends after %,d bytes, %s",
              name,
              format.noun(),
              raw.count(),
              where),
          e);
    }
    return new CorruptDataException(
        String.format(
            "'%s' is a malformed %s %s: %s", name, format.noun(), where, ExceptionText.describe(e)),
        e);
  }
}
