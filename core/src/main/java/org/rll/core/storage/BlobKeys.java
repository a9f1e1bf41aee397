package org.rll.core.storage;

import org.rll.core.exceptions.ValidationException;

/**
 * Rules for blob keys, the same for every store: '/'-separated, relative, no empty, '.' or '..'
 * segments, no backslash or control character, at most 1,024 characters. A key valid here maps to a
 * file under a filesystem store's root and to an S3 key without surprises.
 */
public final class BlobKeys {
  private static final int MAX_LENGTH = 1024;

  private BlobKeys() {}

  /** Returns {@code key} if it is valid, otherwise throws a {@link ValidationException}. */
  public static String check(String key) {
    ValidationException.check(key != null && !key.isEmpty(), "blob key must not be empty");
    ValidationException.check(
        key.length() <= MAX_LENGTH, "blob key longer than %d characters: '%s'", MAX_LENGTH, key);
    ValidationException.check(!key.startsWith("/"), "blob key must be relative: '%s'", key);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      ValidationException.check(
          c >= 0x20 && c != 0x7f && c != '\\', "blob key has a forbidden character: '%s'", key);
    }
    for (String segment : key.split("/", -1)) {
      ValidationException.check(
          !segment.isEmpty() && !segment.equals(".") && !segment.equals(".."),
          "blob key has an empty, '.' or '..' segment: '%s'",
          key);
    }
    return key;
  }

  /** Checks a listing prefix: empty, or a valid key optionally ending in '/'. */
  public static String checkPrefix(String prefix) {
    ValidationException.check(prefix != null, "blob prefix must not be null");
    if (!prefix.isEmpty()) {
      check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }
    return prefix;
  }

  /** Joins segments with '/' and checks the result. */
  public static String join(String first, String... more) {
    StringBuilder key = new StringBuilder(first);
    for (String segment : more) {
      key.append('/').append(segment);
    }
    return check(key.toString());
  }
}
