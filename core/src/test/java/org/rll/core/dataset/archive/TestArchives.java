package org.rll.core.dataset.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Archives built in memory for the extractor's tests. */
final class TestArchives {
  private TestArchives() {}

  /** One tar entry to write: a file (content), a directory, or a link (linkName). */
  record Entry(String name, byte type, String content, String linkName, long declared) {
    static Entry file(String name, String content) {
      return new Entry(name, TarConstants.LF_NORMAL, content, null, content.length());
    }

    static Entry dir(String name) {
      return new Entry(name, TarConstants.LF_DIR, "", null, 0);
    }

    static Entry link(String name, byte type, String target) {
      return new Entry(name, type, "", target, 0);
    }
  }

  /** A tar archive of {@code entries}, gzipped when {@code gzip}. */
  static byte[] tar(boolean gzip, Entry... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(gzip ? new GzipCompressorOutputStream(bytes) : bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type(), true);
        if (e.linkName() != null) {
          entry.setLinkName(e.linkName());
        }
        entry.setSize(e.content().length());
        tar.putArchiveEntry(entry);
        tar.write(e.content().getBytes(StandardCharsets.UTF_8));
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A zip archive of the files named and holding the given text, alternately. */
  static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putArchiveEntry(new ZipArchiveEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}
