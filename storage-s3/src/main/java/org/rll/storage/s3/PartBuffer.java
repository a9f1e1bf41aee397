package org.rll.storage.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One part of an upload held in memory: filled from a stream up to a capacity, growing only as far
 * as the data goes, so a small blob never costs a whole part's memory. Reused for every part of an
 * upload.
 */
final class PartBuffer {
  private static final int INITIAL_SIZE = 64 * 1024;

  private final int capacity;
  private byte[] bytes;
  private int length;

  PartBuffer(int capacity) {
    this.capacity = capacity;
    this.bytes = new byte[Math.min(INITIAL_SIZE, capacity)];
  }

  /**
   * Replaces the content with the next bytes of {@code in}, until the buffer holds {@code capacity}
   * bytes or the stream ends. Returns whether the stream ended; a full buffer returns false even if
   * nothing follows.
   */
  boolean fill(InputStream in) throws IOException {
    length = 0;
    while (length < capacity) {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, capacity));
      }
      int n = in.read(bytes, length, bytes.length - length);
      if (n < 0) {
        return true;
      }
      length += n;
    }
    return false;
  }

  /** Bytes held now. */
  int length() {
    return length;
  }

  /** The bytes held now as a request body; each retry of the request reads them afresh. */
  RequestBody body() {
    byte[] content = bytes;
    int size = length;
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(content, 0, size), size, "application/octet-stream");
  }
}
