package org.rll.core.exceptions;

/**
 * A configuration or an input that can never succeed as given: retrying will not help.
 *
 * <p>Raised at construction of configs and at the entry of kernels, before any work or write.
 */
public class ValidationException extends RllException {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  /** Throws a {@code ValidationException} with the formatted message unless {@code condition}. */
  public static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new ValidationException(String.format(java.util.Locale.ROOT, format, args));
    }
  }
}
