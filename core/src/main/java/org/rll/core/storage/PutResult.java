package org.rll.core.storage;

import org.rll.core.exceptions.ValidationException;

/**
 * What a completed {@link BlobStore#put} wrote.
 *
 * @param key the blob's key
 * @param size bytes written
 * @param sha256 lower-case hex SHA-256 of the bytes, computed while they streamed
 */
public record PutResult(String key, long size, String sha256) {
  public PutResult {
    BlobKeys.check(key);
    ValidationException.check(size >= 0, "blob size must be >= 0, got %d", size);
    ValidationException.check(
        sha256 != null && sha256.matches("[0-9a-f]{64}"),
        "sha256 must be 64 lower-case hex digits, got '%s'",
        sha256);
  }
}
