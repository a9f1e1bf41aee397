package org.rll.core.dataset.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rll.core.exceptions.UnsafeArchiveException;

/**
 * The directory one extraction writes into before it is moved into place. Every write stays inside
 * it: no entry is written through a link, none overwrites another, and links must resolve to
 * something already extracted inside it.
 */
final class StagingDirectory {
  private static final int BUFFER_BYTES = 1 << 16;

  private final Path root;
  private final Path realRoot;
  private final ExtractionLimits limits;
  private final ArchiveReads reads;
  private final List<String> files = new ArrayList<>();
  private long entries;
  private long totalBytes;

  /** A staging directory at {@code root} for the archive {@code reads} reads. */
  StagingDirectory(Path root, ExtractionLimits limits, ArchiveReads reads) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
    this.limits = limits;
    this.reads = reads;
  }

  /** Counts one more entry, rejecting it when the archive has more than the limit allows. */
  void countEntry(String entryName) {
    entries++;
    if (entries > limits.maxEntries()) {
      throw new UnsafeArchiveException(
          entryName, "archive has more than " + limits.maxEntries() + " entries");
    }
  }

  void directory(String entryName, List<String> segments) throws IOException {
    ensureDirectories(entryName, segments, segments.size());
  }

  /** Copies {@code data} to a new file, counting the bytes actually written against the limits. */
  void file(String entryName, List<String> segments, InputStream data) throws IOException {
    Path path = newPath(entryName, segments);
    long written = 0;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
      int n;
      while ((n = reads.read(entryName, data, buffer)) != -1) {
        written += n;
        totalBytes += n;
        if (written > limits.maxEntryBytes()) {
          throw new UnsafeArchiveException(
              entryName, "larger than the per-entry limit of " + limits.maxEntryBytes() + " bytes");
        }
        if (totalBytes > limits.maxTotalBytes()) {
          throw new UnsafeArchiveException(
              entryName,
              "archive content exceeds the total limit of " + limits.maxTotalBytes() + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
    files.add(String.join("/", segments));
  }

  /** A symbolic link; it must resolve, now, to an entry already extracted inside the root. */
  void symbolicLink(String entryName, List<String> segments, String linkTarget) throws IOException {
    if (linkTarget.isEmpty() || linkTarget.startsWith("/") || linkTarget.contains("\\")) {
      throw new UnsafeArchiveException(entryName, "link to '" + linkTarget + "' is not relative");
    }
    Path path = newPath(entryName, segments);
    if (!path.getParent().resolve(linkTarget).normalize().startsWith(root)) {
      throw new UnsafeArchiveException(entryName, "link to '" + linkTarget + "' leaves the target");
    }
    Files.createSymbolicLink(path, Path.of(linkTarget));
    // Lexically inside is not enough once links chain ("d" -> ".", then "d/../.."): resolve it.
    Path resolved;
    try {
      resolved = path.toRealPath();
    } catch (NoSuchFileException e) {
      throw new UnsafeArchiveException(
          entryName, "link to '" + linkTarget + "' does not resolve to an earlier entry");
    }
    if (!resolved.startsWith(realRoot)) {
      throw new UnsafeArchiveException(entryName, "link to '" + linkTarget + "' leaves the target");
    }
  }

  /** A hard link to a regular file extracted earlier; {@code source} is relative to the root. */
  void hardLink(String entryName, List<String> segments, List<String> source) throws IOException {
    Path sourcePath = root.resolve(String.join("/", source));
    if (source.isEmpty()
        || throughLink(source, source.size())
        || !Files.isRegularFile(sourcePath, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnsafeArchiveException(
          entryName, "hard link to '" + String.join("/", source) + "', not an earlier file");
    }
    Files.createLink(newPath(entryName, segments), sourcePath);
    files.add(String.join("/", segments));
  }

  List<String> files() {
    return files;
  }

  long totalBytes() {
    return totalBytes;
  }

  /** Removes the directory and everything in it, links as links. */
  void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private Path newPath(String entryName, List<String> segments) throws IOException {
    if (segments.isEmpty()) {
      throw new UnsafeArchiveException(entryName, "names the archive root, not a file");
    }
    ensureDirectories(entryName, segments, segments.size() - 1);
    Path path = root.resolve(String.join("/", segments));
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnsafeArchiveException(entryName, "duplicate entry");
    }
    return path;
  }

  /** Creates the first {@code count} segments as directories, never following a link. */
  private void ensureDirectories(String entryName, List<String> segments, int count)
      throws IOException {
    Path dir = root;
    for (int i = 0; i < count; i++) {
      dir = dir.resolve(segments.get(i));
      if (Files.isSymbolicLink(dir)) {
        throw new UnsafeArchiveException(
            entryName, "path goes through the link '" + root.relativize(dir) + "'");
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
          throw new UnsafeArchiveException(
              entryName, "'" + root.relativize(dir) + "' is a file, not a directory");
        }
      }
    }
  }

  private boolean throughLink(List<String> segments, int count) {
    Path p = root;
    for (int i = 0; i < count; i++) {
      p = p.resolve(segments.get(i));
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }
}
