package org.rll.core.exceptions;

/** How a caught exception reads inside another exception's message. */
public final class ExceptionText {
  private ExceptionText() {}

  /**
   * The message of {@code e}, or its class's simple name when it has none: many I/O exceptions,
   * such as the {@link java.io.EOFException} of a stream that ends early, carry no message.
   */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
