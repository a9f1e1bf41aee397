package org.rll.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.rll.core.dataset.fetch.LocalReadFailure;
import org.rll.core.storage.Sha256Counter;

/**
 * A dataset already extracted on this machine ({@code file://} URI of a directory). Its content
 * hash covers every file's relative path and bytes, so editing one image prepares it anew.
 */
final class LocalDirectory {
  private LocalDirectory() {}

  /** The directory {@code source} names, when it is a {@code file://} URI of one. */
  static Optional<Path> of(URI source) {
    if (!"file".equalsIgnoreCase(source.getScheme())) {
      return Optional.empty();
    }
    Path path = Path.of(source);
    return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
  }

  /**
   * SHA-256 over each regular file's relative path and content SHA-256, in path order. A file or
   * directory the worker may not read fails for good, naming it.
   */
  static String digest(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        digest.update((relative + "\n" + fileSha256(file) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw LocalReadFailure.of(root, e);
    } catch (UncheckedIOException e) { // how Files.walk reports a directory it cannot list
      throw LocalReadFailure.of(root, e.getCause());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String fileSha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        Sha256Counter counter = new Sha256Counter(in)) {
      counter.transferTo(java.io.OutputStream.nullOutputStream());
      return counter.sha256Hex();
    }
  }
}
