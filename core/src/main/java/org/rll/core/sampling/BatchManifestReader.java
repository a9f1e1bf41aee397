package org.rll.core.sampling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.rll.core.exceptions.CorruptDataException;

/** Reads and verifies the format {@link BatchManifestWriter} writes; see {@link BatchManifest}. */
final class BatchManifestReader {
  /** The first allocation for the body; it grows as bytes actually arrive. */
  private static final int INITIAL_BODY_BYTES = 1 << 20;

  private BatchManifestReader() {}

  static BatchManifest read(InputStream in) throws IOException {
    byte[] head = readExactly(in, ManifestHeader.BYTES, "header");
    ManifestHeader header = ManifestHeader.decode(head);
    byte[] body = readBody(in, (int) header.bodyBytes());
    byte[] stored = readExactly(in, BatchManifestWriter.CHECKSUM_BYTES, "checksum");
    CRC32C crc = new CRC32C();
    crc.update(head);
    crc.update(body);
    int storedChecksum = ByteBuffer.wrap(stored).getInt();
    int computedChecksum = (int) crc.getValue();
    if (storedChecksum != computedChecksum) {
      throw new CorruptDataException(
          String.format(
              "checksum mismatch: stored 0x%08X, computed 0x%08X",
              storedChecksum, computedChecksum));
    }
    if (in.read() != -1) {
      throw new CorruptDataException("batch manifest has trailing bytes after the checksum");
    }
    checkIndices(header, body);
    return new BatchManifest(header, body);
  }

  private static byte[] readExactly(InputStream in, int length, String part) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw truncated(length, part, bytes.length);
    }
    return bytes;
  }

  /**
   * Reads the body, allocating only as bytes arrive: a header damaged into a huge length then fails
   * as truncated instead of reserving memory that the stream never fills.
   */
  private static byte[] readBody(InputStream in, int length) throws IOException {
    byte[] body = new byte[Math.min(length, INITIAL_BODY_BYTES)];
    int filled = 0;
    while (filled < length) {
      if (filled == body.length) {
        body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
      }
      int n = in.read(body, filled, body.length - filled);
      if (n < 0) {
        throw truncated(length, "body", filled);
      }
      filled += n;
    }
    return body;
  }

  private static CorruptDataException truncated(int expected, String part, int got) {
    return new CorruptDataException(
        String.format(
            "batch manifest truncated: expected %d %s bytes, stream ended after %d",
            expected, part, got));
  }

  private static void checkIndices(ManifestHeader header, byte[] body) {
    int width = header.indexWidth();
    for (int pos = 0; pos < body.length; pos += width) {
      int index = IndexBytes.decode(body, pos, width);
      if (index >= header.numImages()) {
        int slot = pos / width;
        throw new CorruptDataException(
            String.format(
                "batch manifest index %d at iteration %d, position %d is out of range for %d"
                    + " images",
                index, slot / header.batchSize(), slot % header.batchSize(), header.numImages()));
      }
    }
  }
}
