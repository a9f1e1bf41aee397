package org.rll.core.dataset.archive;

import java.util.Locale;
import java.util.Optional;

/** The archive formats {@link SafeExtractor} reads; the content decides, never the file name. */
enum ArchiveFormat {
  TAR("tar archive"),
  TAR_GZ("gzip stream"),
  ZIP("zip archive");

  /** What an archive must be, as messages say it. */
  static final String EXPECTED = "expected .tgz, .tar.gz, .tar or .zip";

  private final String noun;

  ArchiveFormat(String noun) {
    this.noun = noun;
  }

  /** What the format is called in messages, without an article: "gzip stream". */
  String noun() {
    return noun;
  }

  /** The format a file name claims by its extension (.tar, .tar.gz, .tgz, .zip, any case). */
  static Optional<ArchiveFormat> claimedBy(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
      return Optional.of(TAR_GZ);
    }
    if (name.endsWith(".tar")) {
      return Optional.of(TAR);
    }
    if (name.endsWith(".zip")) {
      return Optional.of(ZIP);
    }
    return Optional.empty();
  }
}
