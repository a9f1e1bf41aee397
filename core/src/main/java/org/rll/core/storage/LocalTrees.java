package org.rll.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory trees on this machine that rll made for a while and removes again. */
public final class LocalTrees {
  private LocalTrees() {}

  /** Removes {@code directory} and everything in it, links as links; nothing when it is absent. */
  public static void delete(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove directory " + directory, e);
    }
  }
}
