package org.rll.core.dataset.archive;

import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.UnsafeArchiveException;

/** Turns an archive entry's name into a safe relative path, or rejects it naming the entry. */
final class EntryPaths {
  private EntryPaths() {}

  /**
   * The entry's path as '/'-separated segments without "." or empty segments; empty for the archive
   * root ("./"). Rejects absolute paths, drive letters, backslashes, NUL and any "..".
   */
  static List<String> segments(String entryName, String name) {
    if (name.isEmpty()) {
      throw new UnsafeArchiveException(entryName, "empty path");
    }
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeArchiveException(entryName, "path contains a NUL character");
    }
    if (name.indexOf('\\') >= 0) {
      throw new UnsafeArchiveException(entryName, "path contains a backslash");
    }
    if (name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':')) {
      throw new UnsafeArchiveException(entryName, "absolute path '" + name + "'");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveException(entryName, "path traversal '..' in '" + name + "'");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
