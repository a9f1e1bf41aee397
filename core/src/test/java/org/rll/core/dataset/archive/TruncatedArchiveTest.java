package org.rll.core.dataset.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rll.core.dataset.archive.TestArchives.tar;
import static org.rll.core.dataset.archive.TestArchives.zip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.archive.TestArchives.Entry;
import org.rll.core.exceptions.CorruptDataException;

/** A cut-off or damaged archive is refused saying where it broke, never with a bare "null". */
class TruncatedArchiveTest {
  @TempDir Path dir;

  /** Letters that compress poorly, so that a cut lands inside the entry's data. */
  private static String noise(int length) {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private CorruptDataException refused(String name, byte[] content) throws IOException {
    Path archive = Files.write(dir.resolve(name), content);
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> SafeExtractor.extract(archive, dir.resolve("out"), ExtractionLimits.DEFAULTS));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(archive), left.toList(), "target and staging must be gone");
    }
    return e;
  }

  @Test
  void aCutGzipStreamSaysWhereItEnds() throws IOException {
    byte[] tgz = tar(true, Entry.file("images/001.jpg", noise(20_000)));
    CorruptDataException e = refused("cut.tgz", Arrays.copyOf(tgz, 1_000));
    assertEquals(
        "'cut.tgz' is truncated: the gzip stream ends after 1,000 bytes, inside entry"
            + " 'images/001.jpg'",
        e.getMessage());
  }

  @Test
  void aGzipStreamCutInItsHeaderEndsBeforeTheFirstEntry() throws IOException {
    byte[] tgz = tar(true, Entry.file("a.txt", "a"));
    CorruptDataException e = refused("cut.tgz", Arrays.copyOf(tgz, 5));
    assertEquals(
        "'cut.tgz' is truncated: the gzip stream ends after 5 bytes, before its first entry",
        e.getMessage());
  }

  @Test
  void aCutTarOrZipSaysWhereItEnds() throws IOException {
    byte[] tar = tar(false, Entry.file("a.txt", "a"), Entry.file("images/001.jpg", noise(5_000)));
    assertEquals(
        "'cut.tar' is truncated: the tar archive ends after 2,000 bytes, inside entry"
            + " 'images/001.jpg'",
        refused("cut.tar", Arrays.copyOf(tar, 2_000)).getMessage());
    Files.delete(dir.resolve("cut.tar"));
    byte[] zip = zip("a.txt", "a", "images/001.jpg", noise(5_000));
    assertEquals(
        "'cut.zip' is truncated: the zip archive ends after 2,000 bytes, inside entry"
            + " 'images/001.jpg'",
        refused("cut.zip", Arrays.copyOf(zip, 2_000)).getMessage());
  }

  @Test
  void aDamagedHeaderIsMalformedAndNamesTheEntryBeforeIt() throws IOException {
    byte[] tar = tar(false, Entry.file("a.txt", "a"), Entry.file("b.txt", "b"));
    // The second header starts at 1024, after the first header and its one record of data; its
    // size field, 12 octal digits at offset 124, becomes unreadable.
    Arrays.fill(tar, 1024 + 124, 1024 + 136, (byte) 'x');
    CorruptDataException e = refused("bad.tar", tar);
    assertTrue(
        e.getMessage().startsWith("'bad.tar' is a malformed tar archive after entry 'a.txt': "),
        e.getMessage());
    assertTrue(!e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void damagedCompressedDataIsMalformedNotTruncated() throws IOException {
    byte[] tgz = tar(true, Entry.file("images/001.jpg", noise(5_000)));
    for (int i = 1_500; i < 1_540; i++) {
      tgz[i] ^= 0x55;
    }
    String message = refused("bad.tgz", tgz).getMessage();
    assertTrue(
        message.startsWith(
            "'bad.tgz' is a malformed gzip stream inside entry 'images/001.jpg': Gzip-compressed"
                + " data is corrupt"),
        message);
  }
}
