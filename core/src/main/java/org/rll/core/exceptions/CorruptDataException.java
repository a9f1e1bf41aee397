package org.rll.core.exceptions;

/** A stored artifact that is truncated, has a bad checksum or an unknown format. */
public class CorruptDataException extends RllException {
  private static final long serialVersionUID = 1L;

  public CorruptDataException(String message) {
    super(message);
  }

  public CorruptDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
