package org.rll.workstation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rll.core.storage.LocalTrees;

/** The temporary home of a benchmark's embedded stack, deleted when the benchmark ends. */
final class ScratchHome implements AutoCloseable {
  private final Path directory;

  private ScratchHome(Path directory) {
    this.directory = directory;
  }

  /** A new empty home in the system's temporary directory, its name starting {@code prefix}. */
  static ScratchHome create(String prefix) throws IOException {
    return new ScratchHome(Files.createTempDirectory(prefix));
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() {
    LocalTrees.delete(directory);
  }
}
