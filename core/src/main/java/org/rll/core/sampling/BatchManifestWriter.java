package org.rll.core.sampling;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Writes the binary manifest of a whole run: the {@link ManifestHeader}, every batch of the sampler
 * in iteration order (C x K indices of the header's width, big-endian), then the CRC32C of
 * everything before it as a big-endian int32.
 *
 * <p>Batches are generated on the fly and written through a buffer, so memory stays at one batch
 * whatever the number of iterations.
 */
public final class BatchManifestWriter {
  /** Bytes of the trailing checksum. */
  public static final int CHECKSUM_BYTES = 4;

  private static final int BUFFER_BYTES = 1 << 16;

  private final ClassBalancedSampler sampler;

  /** A writer of {@code sampler}'s batches for every iteration of its config. */
  public BatchManifestWriter(ClassBalancedSampler sampler) {
    this.sampler = sampler;
  }

  /**
   * Writes the whole manifest to {@code out} and flushes it; {@code out} is left open.
   *
   * @return the number of bytes written
   */
  public long write(OutputStream out) throws IOException {
    ManifestHeader header = ManifestHeader.of(sampler);
    CRC32C crc = new CRC32C();
    BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
    byte[] head = header.encode();
    crc.update(head);
    buffered.write(head);
    byte[] encoded = new byte[header.batchSize() * header.indexWidth()];
    for (int t = 0; t < header.iterations(); t++) {
      IndexBytes.encode(sampler.batch(t), header.indexWidth(), encoded);
      crc.update(encoded);
      buffered.write(encoded);
    }
    buffered.write(ByteBuffer.allocate(CHECKSUM_BYTES).putInt((int) crc.getValue()).array());
    buffered.flush();
    return ManifestHeader.BYTES + header.bodyBytes() + CHECKSUM_BYTES;
  }
}
