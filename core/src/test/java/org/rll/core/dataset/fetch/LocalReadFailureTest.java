package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;

/** A local file the worker cannot read fails for good; only other I/O faults are retried. */
class LocalReadFailureTest {
  @TempDir Path dir;

  @Test
  void permissionDeniedIsPermanentAndNamesTheFile() {
    Path file = dir.resolve("x.tgz");
    AccessDeniedException denied = new AccessDeniedException(file.toString());
    RllException e = LocalReadFailure.of(file, denied);
    assertInstanceOf(StorageAccessException.class, e);
    assertEquals("cannot read '" + file + "': permission denied", e.getMessage());
    assertSame(denied, e.getCause());
  }

  @Test
  void aMissingFileOrAPathThroughAFileIsNotFound() throws IOException {
    Path missing = dir.resolve("missing.tgz");
    BlobNotFoundException e =
        assertThrows(BlobNotFoundException.class, () -> new FileSource().open(missing.toUri(), 0));
    assertEquals("no file at '" + missing + "'", e.getMessage());
    assertEquals(missing.toUri().toString(), e.key());

    Path throughAFile = Files.writeString(dir.resolve("notes.txt"), "x").resolve("x.tgz");
    BlobNotFoundException notADirectory =
        assertThrows(
            BlobNotFoundException.class, () -> new FileSource().open(throughAFile.toUri(), 0));
    assertEquals("no file at '" + throughAFile + "'", notADirectory.getMessage());
  }

  @Test
  void otherFaultsOfAnExistingFileAreTransient() throws IOException {
    Path file = Files.writeString(dir.resolve("x.tgz"), "x");
    RllException e = LocalReadFailure.of(file, new IOException("Input/output error"));
    assertInstanceOf(TransientStorageException.class, e);
    assertEquals("cannot read '" + file + "': Input/output error", e.getMessage());
    assertEquals(
        "cannot read '" + file + "': IOException",
        LocalReadFailure.of(file, new IOException()).getMessage());
  }

  @Test
  void anUnreadableFileIsRefusedWhenOpened() throws IOException {
    Path file = Files.writeString(dir.resolve("x.tgz"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "root reads a file whatever its mode");
    StorageAccessException e =
        assertThrows(StorageAccessException.class, () -> new FileSource().open(file.toUri(), 0));
    assertEquals("cannot read '" + file + "': permission denied", e.getMessage());
  }
}
