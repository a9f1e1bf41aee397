package org.rll.core.dataset.format;

import java.util.List;
import java.util.Locale;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.RllException;
import org.rll.core.storage.BlobKeys;

/**
 * One record of a label file (a whitespace-separated line or a CSV row) with where it came from, so
 * that every parse error names the file and the line.
 *
 * @param source the file's name as errors show it
 * @param line the 1-based line the record starts on
 * @param fields the record's fields
 */
public record LabelRecord(String source, int line, List<String> fields) {
  public LabelRecord {
    fields = List.copyOf(fields);
  }

  /** Field {@code index}, which must exist. */
  public String field(int index) {
    return fields.get(index);
  }

  /** Checks the record has exactly {@code expected} fields. */
  public LabelRecord requireFields(int expected) {
    if (fields.size() != expected) {
      throw error("expected %d fields, got %d: %s", expected, fields.size(), fields);
    }
    return this;
  }

  /** Field {@code index} as a decimal int; {@code what} names it in the error. */
  public int intField(int index, String what) {
    try {
      return Integer.parseInt(field(index).trim());
    } catch (NumberFormatException e) {
      throw error("%s must be an integer, got '%s'", what, field(index));
    }
  }

  /**
   * Field {@code index} as a path relative to the label file's dataset: not absolute, no '..' or
   * empty segment, no backslash, usable as a blob key.
   */
  public String relativePathField(int index) {
    String path = field(index).trim();
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      throw error("path must be relative, got '%s'", path);
    }
    try {
      return BlobKeys.check(path);
    } catch (RllException e) {
      throw error("bad image path '%s' (no '..', '.', empty segment or backslash allowed)", path);
    }
  }

  /** A {@link CorruptDataException} naming this record's file and line. */
  public CorruptDataException error(String format, Object... args) {
    return new CorruptDataException(
        source + " line " + line + ": " + String.format(Locale.ROOT, format, args));
  }
}
