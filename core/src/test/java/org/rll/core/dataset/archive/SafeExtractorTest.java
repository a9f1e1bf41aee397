package org.rll.core.dataset.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.UnsafeArchiveException;

class SafeExtractorTest {
  private static final ExtractionLimits SMALL = new ExtractionLimits(10, 100, 250);

  @TempDir Path dir;

  /** One tar entry to write: a file (content), a directory, or a link (linkName). */
  private record Entry(String name, byte type, String content, String linkName, long declared) {
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

  private static byte[] tar(boolean gzip, Entry... entries) throws IOException {
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

  private static byte[] zip(String... namesAndContents) throws IOException {
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

  private ExtractionResult extract(byte[] archive, ArchiveFormat format, ExtractionLimits limits)
      throws IOException {
    return SafeExtractor.extract(
        new ByteArrayInputStream(archive), format, dir.resolve("out"), limits);
  }

  /** The entry is rejected, named in the message, and nothing is left beside the target. */
  private void assertRejected(
      byte[] archive, ArchiveFormat format, ExtractionLimits limits, String entryName)
      throws IOException {
    UnsafeArchiveException e =
        assertThrows(UnsafeArchiveException.class, () -> extract(archive, format, limits));
    assertEquals(entryName, e.entryName());
    assertTrue(e.getMessage().contains("'" + entryName + "'"), e.getMessage());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "target and staging must be gone");
    }
  }

  private String read(String relative) throws IOException {
    return Files.readString(dir.resolve("out").resolve(relative));
  }

  @Test
  void validTgzIsExtractedExactly() throws IOException {
    byte[] tgz =
        tar(
            true,
            Entry.dir("CUB/"),
            Entry.file("CUB/classes.txt", "1 bird\n"),
            Entry.file("CUB/images/001/a.jpg", "abc"),
            Entry.file("./CUB/empty.txt", ""),
            Entry.link("CUB/same.jpg", TarConstants.LF_LINK, "CUB/images/001/a.jpg"),
            Entry.link("CUB/alias.jpg", TarConstants.LF_SYMLINK, "images/001/a.jpg"));
    ExtractionResult result = extract(tgz, ArchiveFormat.TAR_GZ, SMALL);
    assertEquals(
        List.of("CUB/classes.txt", "CUB/images/001/a.jpg", "CUB/empty.txt", "CUB/same.jpg"),
        result.files());
    assertEquals(10, result.totalBytes());
    assertEquals("1 bird\n", read("CUB/classes.txt"));
    assertEquals("abc", read("CUB/same.jpg"));
    assertEquals("abc", read("CUB/alias.jpg"));
    assertEquals("", read("CUB/empty.txt"));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("out")), left.toList(), "no staging leftovers");
    }
  }

  @Test
  void validZipFileIsExtractedExactlyFromItsPath() throws IOException {
    Path archive =
        Files.write(dir.resolve("sop.zip"), zip("Ebay_info.txt", "id\n", "bike/1.jpg", "xy"));
    ExtractionResult result =
        SafeExtractor.extract(archive, dir.resolve("out"), ExtractionLimits.DEFAULTS);
    assertEquals(List.of("Ebay_info.txt", "bike/1.jpg"), result.files());
    assertEquals("id\n", read("Ebay_info.txt"));
    assertEquals("xy", read("bike/1.jpg"));
  }

  @Test
  void rejectsTraversalAndAbsolutePaths() throws IOException {
    assertRejected(
        tar(false, Entry.file("ok.txt", "1"), Entry.file("a/../../evil", "x")),
        ArchiveFormat.TAR,
        SMALL,
        "a/../../evil");
    assertRejected(tar(false, Entry.file("/abs", "x")), ArchiveFormat.TAR, SMALL, "/abs");
    assertRejected(zip("ok.txt", "1", "../evil", "x"), ArchiveFormat.ZIP, SMALL, "../evil");
  }

  @Test
  void rejectsLinksLeavingTheTarget() throws IOException {
    assertRejected(
        tar(true, Entry.link("passwd", TarConstants.LF_SYMLINK, "/etc/passwd")),
        ArchiveFormat.TAR_GZ,
        SMALL,
        "passwd");
    assertRejected(
        tar(true, Entry.link("up", TarConstants.LF_SYMLINK, "../../etc")),
        ArchiveFormat.TAR_GZ,
        SMALL,
        "up");
    assertRejected(
        tar(true, Entry.link("hard", TarConstants.LF_LINK, "../../etc/passwd")),
        ArchiveFormat.TAR_GZ,
        SMALL,
        "hard");
    // Each link is lexically inside; together they resolve above the target.
    assertRejected(
        tar(
            true,
            Entry.dir("e/"),
            Entry.link("e/d", TarConstants.LF_SYMLINK, "."),
            Entry.link("q", TarConstants.LF_SYMLINK, "e/d/../..")),
        ArchiveFormat.TAR_GZ,
        SMALL,
        "q");
    assertRejected(
        tar(true, Entry.link("d", TarConstants.LF_SYMLINK, "."), Entry.file("d/x", "1")),
        ArchiveFormat.TAR_GZ,
        SMALL,
        "d/x");
  }

  @Test
  void rejectsDevicesAndDuplicates() throws IOException {
    assertRejected(
        tar(false, Entry.link("fifo", TarConstants.LF_FIFO, "")), ArchiveFormat.TAR, SMALL, "fifo");
    assertRejected(
        tar(false, Entry.file("a", "1"), Entry.file("a", "2")), ArchiveFormat.TAR, SMALL, "a");
  }

  @Test
  void rejectsAnEntryLargerThanItsLimitEvenWhenItsDeclaredSizeIsSmall() throws IOException {
    byte[] tar = tar(false, Entry.file("big", "x".repeat(101)));
    assertRejected(tar, ArchiveFormat.TAR, SMALL, "big");
    // A zip entry written to a stream declares no size up front; its local header lies by omission.
    assertRejected(zip("big", "x".repeat(101)), ArchiveFormat.ZIP, SMALL, "big");
  }

  @Test
  void rejectsTooManyEntriesAndTooLargeATotal() throws IOException {
    Entry[] many = new Entry[11];
    for (int i = 0; i < many.length; i++) {
      many[i] = Entry.file("f" + i, "");
    }
    assertRejected(tar(false, many), ArchiveFormat.TAR, SMALL, "f10");
    byte[] total =
        tar(
            false,
            Entry.file("a", "x".repeat(100)),
            Entry.file("b", "x".repeat(100)),
            Entry.file("c", "x".repeat(100)));
    assertRejected(total, ArchiveFormat.TAR, SMALL, "c");
  }

  @Test
  void leavesAnExistingTargetAlone() throws IOException {
    Files.createDirectory(dir.resolve("out"));
    Files.writeString(dir.resolve("out/keep"), "mine");
    assertThrows(
        RuntimeException.class,
        () -> extract(tar(false, Entry.file("keep", "theirs")), ArchiveFormat.TAR, SMALL));
    assertEquals("mine", read("keep"));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(1, left.count());
    }
  }

  @Test
  void limitsAreValidated() {
    assertThrows(RuntimeException.class, () -> new ExtractionLimits(0, 1, 1));
    assertThrows(RuntimeException.class, () -> new ExtractionLimits(1, 0, 1));
    assertThrows(RuntimeException.class, () -> new ExtractionLimits(1, 2, 1));
    assertFalse(
        ExtractionLimits.DEFAULTS.maxTotalBytes() < ExtractionLimits.DEFAULTS.maxEntryBytes());
  }
}
