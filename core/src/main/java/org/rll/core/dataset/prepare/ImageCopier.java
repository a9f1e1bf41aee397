package org.rll.core.dataset.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.rll.core.dataset.format.LabeledEntry;
import org.rll.core.storage.BlobStore;

/**
 * Copies image files byte for byte to {@code <prefix>images/<path>}, in parallel. A blob already
 * there with the file's size is kept: puts are atomic and the prefix is per archive content, so it
 * can only be this file left by an earlier, interrupted run.
 */
final class ImageCopier {
  private ImageCopier() {}

  /** Copies every entry's file; returns the keys, parallel to {@code entries}. */
  static List<String> copy(
      BlobStore store, PreparedLayout layout, Path base, List<LabeledEntry> entries, int threads) {
    return Parallel.map(
        entries.size(),
        threads,
        i -> {
          String key = layout.image(entries.get(i).path());
          Path file = base.resolve(entries.get(i).path());
          OptionalLong stored = store.size(key);
          if (stored.isEmpty() || stored.getAsLong() != fileSize(file)) {
            store.put(key, file);
          }
          return key;
        });
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat " + file, e);
    }
  }
}
