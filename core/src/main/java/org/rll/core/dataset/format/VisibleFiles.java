package org.rll.core.dataset.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files and directories a dataset directory shows: hidden ones (a leading '.') are left out.
 * Also says what a dataset holds, for the message about a dataset that lacks its format's files.
 */
final class VisibleFiles {
  private static final int SHOWN = 8;

  private VisibleFiles() {}

  /** The visible children of {@code directory}, sorted by name. */
  static List<Path> sorted(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  /**
   * What {@code root} holds, such as "the top level holds a.png, b.png, images/": at most a few
   * names, directories marked with a trailing '/'.
   */
  static String summary(Path root) {
    List<Path> children = Files.isDirectory(root) ? sorted(root) : List.of();
    if (children.isEmpty()) {
      return "the dataset is empty";
    }
    String names =
        children.stream()
            .limit(SHOWN)
            .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
            .collect(Collectors.joining(", "));
    int more = children.size() - SHOWN;
    return "the top level holds " + names + (more > 0 ? " and " + more + " more" : "");
  }
}
