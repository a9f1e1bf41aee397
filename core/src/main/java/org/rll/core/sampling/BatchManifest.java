package org.rll.core.sampling;

import java.io.IOException;
import java.io.InputStream;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/**
 * A batch manifest read back into memory: its header and the body as packed indices of the header's
 * width (2 bytes per index for splits under 65,536 images), with random access by iteration.
 * Immutable.
 */
public final class BatchManifest {
  private final ManifestHeader header;
  private final byte[] body;

  BatchManifest(ManifestHeader header, byte[] body) {
    this.header = header;
    this.body = body;
  }

  /**
   * Reads and verifies a manifest written by {@link BatchManifestWriter}: magic, version, header
   * values, exact body length, checksum, no trailing bytes, and every index below the number of
   * images. Leaves {@code in} open.
   *
   * @throws CorruptDataException if any check fails; the message says which and with what values
   * @throws IOException if reading the stream fails
   */
  public static BatchManifest read(InputStream in) throws IOException {
    return BatchManifestReader.read(in);
  }

  /** The header: seed, C, K, iterations, number of images, index width. */
  public ManifestHeader header() {
    return header;
  }

  /** The number of batches. */
  public int iterations() {
    return header.iterations();
  }

  /**
   * The C x K image indices of batch {@code iteration}, class-major, as the sampler produced them.
   *
   * @throws ValidationException if {@code iteration} is outside {@code [0, iterations)}
   */
  public int[] batch(int iteration) {
    ValidationException.check(
        iteration >= 0 && iteration < header.iterations(),
        "iteration must be in [0, %d), got %d",
        header.iterations(),
        iteration);
    int width = header.indexWidth();
    int[] batch = new int[header.batchSize()];
    int start = iteration * batch.length * width;
    for (int i = 0; i < batch.length; i++) {
      batch[i] = IndexBytes.decode(body, start + i * width, width);
    }
    return batch;
  }
}
