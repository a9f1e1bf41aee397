package org.rll.core.dataset.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Picks up a spool file that an earlier, failed attempt left behind. Only a pinned fetch keeps its
 * spool across attempts: should the source have changed in between, the pin catches the mixed bytes
 * and the spool is discarded, so nothing unverified is ever stored.
 */
final class SpoolResume {
  private static final int BUFFER_BYTES = 1 << 16;

  private SpoolResume() {}

  /**
   * Feeds the bytes already in {@code spool} to {@code digests}, so hashing continues from them.
   */
  static void rehash(FileChannel spool, ArchiveDigests digests) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    long position = 0;
    long length = spool.size();
    while (position < length) {
      buffer.clear();
      int n = spool.read(buffer, position);
      if (n < 0) {
        break;
      }
      digests.update(buffer.array(), 0, n);
      position += n;
    }
  }
}
