package org.rll.core.exceptions;

/**
 * A storage or network fault that may pass: a dropped connection, a throttled request, a full disk.
 * Callers retry it with backoff; it is the only storage failure worth retrying.
 */
public class TransientStorageException extends RllException {
  private static final long serialVersionUID = 1L;

  public TransientStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
