package org.rll.core.exceptions;

/** A blob key that does not exist in the store. Permanent for the key asked. */
public class BlobNotFoundException extends RllException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public BlobNotFoundException(String key) {
    super("no blob at key '" + key + "'");
    this.key = key;
  }

  /** A missing {@code key}, with a message that says more than the key, such as an HTTP status. */
  public BlobNotFoundException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The key that was asked for. */
  public String key() {
    return key;
  }
}
