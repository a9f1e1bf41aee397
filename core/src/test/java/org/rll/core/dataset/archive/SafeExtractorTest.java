package org.rll.core.dataset.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rll.core.dataset.archive.TestArchives.tar;
import static org.rll.core.dataset.archive.TestArchives.zip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.archive.TestArchives.Entry;
import org.rll.core.exceptions.UnsafeArchiveException;

class SafeExtractorTest {
  private static final ExtractionLimits SMALL = new ExtractionLimits(10, 100, 250);

  @TempDir Path dir;

  private ExtractionResult extract(byte[] archive, String name, ExtractionLimits limits)
      throws IOException {
    return SafeExtractor.extract(
        new ByteArrayInputStream(archive), name, dir.resolve("out"), limits);
  }

  /** The entry is rejected, named in the message, and nothing is left beside the target. */
  private void assertRejected(
      byte[] archive, String name, ExtractionLimits limits, String entryName) throws IOException {
    UnsafeArchiveException e =
        assertThrows(UnsafeArchiveException.class, () -> extract(archive, name, limits));
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
    ExtractionResult result = extract(tgz, "a.tgz", SMALL);
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
        "a.tar",
        SMALL,
        "a/../../evil");
    assertRejected(tar(false, Entry.file("/abs", "x")), "a.tar", SMALL, "/abs");
    assertRejected(zip("ok.txt", "1", "../evil", "x"), "a.zip", SMALL, "../evil");
  }

  @Test
  void rejectsLinksLeavingTheTarget() throws IOException {
    assertRejected(
        tar(true, Entry.link("passwd", TarConstants.LF_SYMLINK, "/etc/passwd")),
        "a.tgz",
        SMALL,
        "passwd");
    assertRejected(
        tar(true, Entry.link("up", TarConstants.LF_SYMLINK, "../../etc")), "a.tgz", SMALL, "up");
    assertRejected(
        tar(true, Entry.link("hard", TarConstants.LF_LINK, "../../etc/passwd")),
        "a.tgz",
        SMALL,
        "hard");
    // Each link is lexically inside; together they resolve above the target.
    assertRejected(
        tar(
            true,
            Entry.dir("e/"),
            Entry.link("e/d", TarConstants.LF_SYMLINK, "."),
            Entry.link("q", TarConstants.LF_SYMLINK, "e/d/../..")),
        "a.tgz",
        SMALL,
        "q");
    assertRejected(
        tar(true, Entry.link("d", TarConstants.LF_SYMLINK, "."), Entry.file("d/x", "1")),
        "a.tgz",
        SMALL,
        "d/x");
  }

  @Test
  void rejectsDevicesAndDuplicates() throws IOException {
    assertRejected(
        tar(false, Entry.link("fifo", TarConstants.LF_FIFO, "")), "a.tar", SMALL, "fifo");
    assertRejected(tar(false, Entry.file("a", "1"), Entry.file("a", "2")), "a.tar", SMALL, "a");
  }

  @Test
  void rejectsAnEntryLargerThanItsLimitEvenWhenItsDeclaredSizeIsSmall() throws IOException {
    byte[] tar = tar(false, Entry.file("big", "x".repeat(101)));
    assertRejected(tar, "a.tar", SMALL, "big");
    // A zip entry written to a stream declares no size up front; its local header lies by omission.
    assertRejected(zip("big", "x".repeat(101)), "a.zip", SMALL, "big");
  }

  @Test
  void rejectsTooManyEntriesAndTooLargeATotal() throws IOException {
    Entry[] many = new Entry[11];
    for (int i = 0; i < many.length; i++) {
      many[i] = Entry.file("f" + i, "");
    }
    assertRejected(tar(false, many), "a.tar", SMALL, "f10");
    byte[] total =
        tar(
            false,
            Entry.file("a", "x".repeat(100)),
            Entry.file("b", "x".repeat(100)),
            Entry.file("c", "x".repeat(100)));
    assertRejected(total, "a.tar", SMALL, "c");
  }

  @Test
  void leavesAnExistingTargetAlone() throws IOException {
    Files.createDirectory(dir.resolve("out"));
    Files.writeString(dir.resolve("out/keep"), "mine");
    assertThrows(
        RuntimeException.class,
        () -> extract(tar(false, Entry.file("keep", "theirs")), "a.tar", SMALL));
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
