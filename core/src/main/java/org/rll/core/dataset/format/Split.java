package org.rll.core.dataset.format;

import java.util.Locale;
import org.rll.core.exceptions.ValidationException;

/** The half of a dataset an image belongs to: training classes or held-out test classes. */
public enum Split {
  TRAIN,
  TEST;

  /** The lower-case name used in manifests and blob keys: {@code train} or {@code test}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #label()} (case-insensitive). */
  public static Split parse(String text) {
    for (Split split : values()) {
      if (split.label().equalsIgnoreCase(text)) {
        return split;
      }
    }
    throw new ValidationException(
        String.format(Locale.ROOT, "unknown split '%s', expected train or test", text));
  }
}
