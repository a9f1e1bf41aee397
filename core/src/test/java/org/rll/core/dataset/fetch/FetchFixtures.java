package org.rll.core.dataset.fetch;

import java.time.Duration;
import java.util.HexFormat;
import org.rll.core.dataset.fetch.Checksum.Algorithm;

/** Archive bytes and settings shared by the fetch tests. */
final class FetchFixtures {
  /** Larger than one copy buffer, so a download takes several chunks. */
  static final int ARCHIVE_BYTES = 200_000;

  /** Four tries with millisecond waits, so retry tests stay quick. */
  static final RetryPolicy QUICK_RETRY =
      new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4));

  private FetchFixtures() {}

  /** {@link #ARCHIVE_BYTES} bytes with no repeating period short enough to hide an offset bug. */
  static byte[] archive() {
    byte[] bytes = new byte[ARCHIVE_BYTES];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + i / 251);
    }
    return bytes;
  }

  /** Lower-case hex digest of {@code bytes}, by the JDK directly. */
  static String hex(Algorithm algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(algorithm.newDigest().digest(bytes));
  }
}
