package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.ValidationException;

/**
 * Reads {@code file:} URIs from the local filesystem, from any offset. A missing file, a directory
 * and a file the worker may not read fail for good (see {@link LocalReadFailure}).
 */
public final class FileSource implements Source {

  @Override
  public SourceStream open(URI uri, long offset) {
    ValidationException.check(offset >= 0, "offset must be >= 0, got %d for %s", offset, uri);
    Path path = path(uri);
    ValidationException.check(!Files.isDirectory(path), "'%s' is a directory, not an archive", uri);
    try {
      FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
      long size = channel.size();
      if (offset > size) {
        channel.close();
        throw new ValidationException(
            "offset " + offset + " is past the end of '" + uri + "' (" + size + " bytes)");
      }
      channel.position(offset);
      return new SourceStream(Channels.newInputStream(channel), offset, OptionalLong.of(size));
    } catch (IOException e) {
      throw LocalReadFailure.of(path, e);
    }
  }

  private static Path path(URI uri) {
    try {
      return Path.of(uri);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new ValidationException(
          "not a local file URI: '" + uri + "' (" + ExceptionText.describe(e) + ")");
    }
  }
}
