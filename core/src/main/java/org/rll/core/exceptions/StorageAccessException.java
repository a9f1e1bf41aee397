package org.rll.core.exceptions;

/**
 * A storage request the server refused for good: bad credentials, access denied, a missing bucket,
 * a malformed request. Permanent: retrying with the same configuration fails the same way. The
 * message names the address and the status, never a credential.
 */
public class StorageAccessException extends RllException {
  private static final long serialVersionUID = 1L;

  public StorageAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
