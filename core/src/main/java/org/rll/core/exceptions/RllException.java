package org.rll.core.exceptions;

/** Base of every exception rll raises on purpose; its message always names the offending value. */
public class RllException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RllException(String message) {
    super(message);
  }

  public RllException(String message, Throwable cause) {
    super(message, cause);
  }
}
