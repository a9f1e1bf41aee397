package org.rll.core.dataset.fetch;

import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.rll.core.dataset.fetch.Checksum.Algorithm;

/** The SHA-256 of a download and, when a pin asks for another algorithm, that one, in one pass. */
final class ArchiveDigests {
  private final Map<Algorithm, MessageDigest> digests = new EnumMap<>(Algorithm.class);

  ArchiveDigests(Optional<Algorithm> pinned) {
    digests.put(Algorithm.SHA256, Algorithm.SHA256.newDigest());
    pinned.ifPresent(a -> digests.computeIfAbsent(a, Algorithm::newDigest));
  }

  void update(byte[] bytes, int offset, int length) {
    for (MessageDigest digest : digests.values()) {
      digest.update(bytes, offset, length);
    }
  }

  /** Forgets every byte seen, for a source that restarted from its first byte. */
  void reset() {
    digests.values().forEach(MessageDigest::reset);
  }

  /** Finishes every digest: lower-case hex by algorithm. Call once, at the end. */
  Map<Algorithm, String> finish() {
    Map<Algorithm, String> hex = new EnumMap<>(Algorithm.class);
    digests.forEach(
        (algorithm, digest) -> hex.put(algorithm, HexFormat.of().formatHex(digest.digest())));
    return hex;
  }
}
