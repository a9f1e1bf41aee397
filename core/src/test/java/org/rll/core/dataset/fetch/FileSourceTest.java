package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ValidationException;

class FileSourceTest {
  @TempDir Path dir;

  @Test
  void readsFromTheOffsetAndKnowsTheLength() throws IOException {
    Path file = Files.write(dir.resolve("a.bin"), new byte[] {10, 11, 12, 13, 14});
    try (SourceStream stream = new FileSource().open(file.toUri(), 3)) {
      assertEquals(3, stream.offset());
      assertEquals(OptionalLong.of(5), stream.totalLength());
      assertArrayEquals(new byte[] {13, 14}, stream.body().readAllBytes());
    }
    try (SourceStream stream = new FileSource().open(file.toUri(), 5)) {
      assertArrayEquals(new byte[0], stream.body().readAllBytes());
    }
  }

  @Test
  void aMissingFileIsNotFoundAndBadOffsetsOrDirectoriesAreRejected() throws IOException {
    Path file = Files.write(dir.resolve("a.bin"), new byte[] {1, 2});
    FileSource source = new FileSource();
    BlobNotFoundException missing =
        assertThrows(
            BlobNotFoundException.class, () -> source.open(dir.resolve("b.bin").toUri(), 0));
    assertEquals(dir.resolve("b.bin").toUri().toString(), missing.key());
    assertThrows(ValidationException.class, () -> source.open(file.toUri(), 3));
    assertThrows(ValidationException.class, () -> source.open(file.toUri(), -1));
    assertThrows(ValidationException.class, () -> source.open(dir.toUri(), 0));
  }
}
