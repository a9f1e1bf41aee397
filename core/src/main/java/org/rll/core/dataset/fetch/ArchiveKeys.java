package org.rll.core.dataset.fetch;

import java.net.URI;
import java.util.Optional;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;
import org.rll.core.storage.Sha256Counter;

/**
 * Where fetched archives and their cache index entries live in the store: the archive at {@code
 * datasets/<sha256>/<file name>}, the entry for a source and pin at {@code
 * datasets/by-source/<sha256 of uri and pin>.json}.
 */
final class ArchiveKeys {
  private ArchiveKeys() {}

  /** The content-addressed key of an archive with this digest, named as {@code uri} names it. */
  static String archive(String sha256, URI uri) {
    return BlobKeys.join("datasets", sha256, fileName(uri));
  }

  /** The key of the cache index entry for {@code uri} with {@code pin}. */
  static String index(URI uri, Optional<Checksum> pin) {
    String source = uri + "\n" + pin.map(Checksum::toString).orElse("");
    return BlobKeys.join("datasets", "by-source", Sha256Counter.hex(source) + ".json");
  }

  /** The last segment of {@code uri}'s path, which must be a usable file name. */
  static String fileName(URI uri) {
    String path = uri.getPath();
    String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    ValidationException.check(
        !name.isEmpty()
            && !name.equals(".")
            && !name.equals("..")
            && name.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '\\'),
        "the path of '%s' must end in an archive file name",
        uri);
    return name;
  }
}
