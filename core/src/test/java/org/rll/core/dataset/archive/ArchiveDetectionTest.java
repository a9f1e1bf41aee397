package org.rll.core.dataset.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rll.core.dataset.archive.TestArchives.tar;
import static org.rll.core.dataset.archive.TestArchives.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rll.core.dataset.archive.TestArchives.Entry;
import org.rll.core.exceptions.CorruptDataException;

/** The format comes from the content; content that is no archive rll reads is named. */
class ArchiveDetectionTest {
  private static final byte[] NOISE = {
    (byte) 0x8f, 0x3a, 0x11, 0x07, 0x5c, 0x00, (byte) 0xe2, 0x19, 0x42, 0x42
  };

  @TempDir Path dir;

  /** Extracts {@code content}, stored as the file {@code name}, from its path. */
  private ExtractionResult extract(String name, byte[] content) throws IOException {
    Path archive = Files.write(dir.resolve(name), content);
    return SafeExtractor.extract(archive, dir.resolve(name + ".out"), ExtractionLimits.DEFAULTS);
  }

  /** The file is refused with exactly {@code message}, and no target or staging is left. */
  private void assertRefused(String name, byte[] content, String message) throws IOException {
    CorruptDataException e = assertThrows(CorruptDataException.class, () -> extract(name, content));
    assertEquals(message, e.getMessage());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(p -> p.toString().contains(".out")).toList());
    }
  }

  private static byte[] hex(String spaced) {
    String[] parts = spaced.split(" ");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(String text) throws IOException {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void randomBytesAreNotTheFormatTheNameClaims() throws IOException {
    assertRefused(
        "x.tgz",
        NOISE,
        "'x.tgz' is not a gzip stream (first bytes 8f 3a 11 07 5c 00 e2 19 …); expected .tgz,"
            + " .tar.gz, .tar or .zip");
    assertRefused(
        "x.zip",
        NOISE,
        "'x.zip' is not a zip archive (first bytes 8f 3a 11 07 5c 00 e2 19 …); expected .tgz,"
            + " .tar.gz, .tar or .zip");
    assertRefused(
        "download",
        new byte[] {1, 2, 3},
        "'download' is not an archive (first bytes 01 02 03); expected .tgz, .tar.gz, .tar or"
            + " .zip");
  }

  @ParameterizedTest
  @CsvSource({
    "a bzip2 stream, 42 5a 68 39 31 41 59 26 53 59, 42 5a 68 39 31 41 59 26 …",
    "an xz stream, fd 37 7a 58 5a 00 00 04, fd 37 7a 58 5a 00 00 04",
    "a 7z archive, 37 7a bc af 27 1c 00 04 8d, 37 7a bc af 27 1c 00 04 …",
    "a zstd stream, 28 b5 2f fd 24, 28 b5 2f fd 24",
    "a rar archive, 52 61 72 21 1a 07 01 00, 52 61 72 21 1a 07 01 00"
  })
  void otherCompressorsAreNamed(String kind, String content, String shown) throws IOException {
    assertRefused(
        "data.tgz",
        hex(content),
        "'data.tgz' is "
            + kind
            + ", which rll does not extract (first bytes "
            + shown
            + "); expected .tgz, .tar.gz, .tar or .zip");
  }

  @Test
  void textAndWebPagesAreQuoted() throws IOException {
    assertRefused(
        "notes.zip",
        "hello world\nsecond line\n".getBytes(StandardCharsets.UTF_8),
        "'notes.zip' is a text file, not a zip archive (it starts \"hello world second line\");"
            + " expected .tgz, .tar.gz, .tar or .zip");
    assertRefused(
        "CUB_200_2011.tgz",
        "<!DOCTYPE html>\n<html><head><title>Sign in to continue</title></head></html>"
            .getBytes(StandardCharsets.UTF_8),
        "'CUB_200_2011.tgz' is an HTML page, not a gzip stream (it starts \"<!DOCTYPE html>"
            + " <html><head><title>Sign…\"); expected .tgz, .tar.gz, .tar or .zip");
    assertRefused(
        "a.tar",
        "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>"
            .getBytes(StandardCharsets.UTF_8),
        "'a.tar' is an XML document, not a tar archive (it starts \"<?xml"
            + " version=\"1.0\"?><Error><Code>Access…\"); expected .tgz, .tar.gz, .tar or .zip");
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() throws IOException {
    assertRefused("x.tar", new byte[0], "'x.tar' is empty; expected .tgz, .tar.gz, .tar or .zip");
  }

  @Test
  void aGzipStreamMustHoldATarArchive() throws IOException {
    assertRefused(
        "labels.tgz",
        gzip("1 001.Black_footed_Albatross\n"),
        "'labels.tgz' is a gzip stream that holds a text file, not a tar archive (decompressed,"
            + " it starts \"1 001.Black_footed_Albatross\"); expected .tgz, .tar.gz, .tar or .zip");
    assertRefused(
        "zip.tgz",
        gzip(zip("a.txt", "1")),
        "'zip.tgz' is a gzip stream that holds a zip archive, not a tar archive (decompressed,"
            + " first bytes 50 4b 03 04 14 00 08 08 …); expected .tgz, .tar.gz, .tar or .zip");
    assertRefused(
        "empty.tgz",
        gzip(""),
        "'empty.tgz' is a gzip stream that holds nothing, not a tar archive; expected .tgz,"
            + " .tar.gz, .tar or .zip");
  }

  @Test
  void aMisnamedArchiveIsReadAsWhatItIs() throws IOException {
    assertEquals(List.of("a.txt"), extract("zip.tgz", zip("a.txt", "1")).files());
    assertEquals(
        List.of("b.txt"), extract("tar.zip", tar(false, Entry.file("b.txt", "2"))).files());
    assertEquals(List.of("c.txt"), extract("tgz", tar(true, Entry.file("c.txt", "3"))).files());
  }
}
