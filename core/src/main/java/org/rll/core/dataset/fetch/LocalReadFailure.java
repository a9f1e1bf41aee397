package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;

/**
 * What a failure to read a local dataset file means: a file the worker may not read, or one that is
 * not there (a missing file, or a path through a regular file), fails for good; any other I/O fault
 * may pass and is retried.
 */
public final class LocalReadFailure {
  private LocalReadFailure() {}

  /** The exception for {@code e}, raised while reading {@code path}. */
  public static RllException of(Path path, IOException e) {
    if (e instanceof AccessDeniedException denied) {
      String file = denied.getFile() == null ? path.toString() : denied.getFile();
      return new StorageAccessException("cannot read '" + file + "': permission denied", e);
    }
    // Opening "file.tgz/x" fails with ENOTDIR, which Java reports as a plain FileSystemException.
    if (e instanceof NoSuchFileException || !Files.exists(path)) {
      return new BlobNotFoundException(path.toUri().toString(), "no file at '" + path + "'");
    }
    return new TransientStorageException(
        "cannot read '" + path + "': " + ExceptionText.describe(e), e);
  }
}
