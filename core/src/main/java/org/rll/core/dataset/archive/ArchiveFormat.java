package org.rll.core.dataset.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.rll.core.exceptions.ValidationException;

/** The archive formats {@link SafeExtractor} reads, each as a stream. */
public enum ArchiveFormat {
  TAR,
  TAR_GZ,
  ZIP;

  /** The format named by a file's extension: .tar, .tar.gz, .tgz or .zip (any case). */
  public static ArchiveFormat fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return TAR_GZ;
    }
    if (name.endsWith(".tar")) {
      return TAR;
    }
    if (name.endsWith(".zip")) {
      return ZIP;
    }
    throw new ValidationException(
        "unknown archive format for '" + fileName + "': expected .tar, .tar.gz, .tgz or .zip");
  }

  /** The format of {@code archive}, from its file name. */
  public static ArchiveFormat of(Path archive) {
    return fromFileName(String.valueOf(archive.getFileName()));
  }

  ArchiveInputStream<?> open(InputStream in) throws IOException {
    return switch (this) {
      case TAR -> new TarArchiveInputStream(in);
      case TAR_GZ -> new TarArchiveInputStream(new GzipCompressorInputStream(in, true));
      // Stored entries with data descriptors are legal zip; without this flag they fail to read.
      case ZIP -> new ZipArchiveInputStream(in, "UTF-8", true, true);
    };
  }
}
