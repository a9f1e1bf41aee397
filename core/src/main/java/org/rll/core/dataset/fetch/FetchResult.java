package org.rll.core.dataset.fetch;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;

/**
 * A fetched archive, stored at its content-addressed key.
 *
 * @param key the archive's key, {@code datasets/<sha256>/<file name>}
 * @param sha256 lower-case hex SHA-256 of the archive
 * @param size the archive's length in bytes
 * @param cached whether the cache index answered and the source was not read
 */
public record FetchResult(String key, String sha256, long size, boolean cached) {
  public FetchResult {
    BlobKeys.check(key);
    ValidationException.check(
        sha256 != null && sha256.matches("[0-9a-f]{64}"),
        "sha256 must be 64 lower-case hex digits, got '%s'",
        sha256);
    ValidationException.check(size >= 0, "size must be >= 0, got %d", size);
  }
}
