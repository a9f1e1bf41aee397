package org.rll.core.dataset.archive;

import java.nio.file.Path;
import java.util.List;

/**
 * What one successful extraction produced.
 *
 * @param target the directory now holding the archive's content
 * @param files the regular files written, as '/'-separated paths relative to {@code target}, in
 *     archive order (links and directories are not listed)
 * @param totalBytes bytes written to those files
 */
public record ExtractionResult(Path target, List<String> files, long totalBytes) {
  public ExtractionResult {
    files = List.copyOf(files);
  }
}
