package org.rll.core.sampling;

import java.nio.ByteBuffer;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/**
 * The fixed-size header of a binary batch manifest, big-endian: magic "RLLB", format version
 * (int32), seed (int64), C (int32), K (int32), iterations (int32), number of images in the indexed
 * split (int32), index width in bytes (int8). {@value #BYTES} bytes in all.
 *
 * @param seed the sampler's seed
 * @param classesPerBatch C
 * @param imagesPerClass K
 * @param iterations the number of batches
 * @param numImages the size of the split the indices point into
 * @param indexWidth bytes per index: the fewest (1..4) that hold {@code numImages - 1}
 */
public record ManifestHeader(
    long seed,
    int classesPerBatch,
    int imagesPerClass,
    int iterations,
    int numImages,
    int indexWidth) {
  /** "RLLB" in ASCII. */
  public static final int MAGIC = 0x524C4C42;

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  /** Encoded size of a header. */
  public static final int BYTES = 4 + 4 + 8 + 4 + 4 + 4 + 4 + 1;

  /** The largest body held in memory: the largest Java byte array. */
  static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 8;

  /** Checks the fields; the reader turns a failure into {@link CorruptDataException}. */
  public ManifestHeader {
    ValidationException.check(classesPerBatch >= 2, "C must be >= 2, got %d", classesPerBatch);
    ValidationException.check(imagesPerClass >= 1, "K must be >= 1, got %d", imagesPerClass);
    ValidationException.check(iterations >= 0, "iterations must be >= 0, got %d", iterations);
    ValidationException.check(numImages >= 1, "numImages must be >= 1, got %d", numImages);
    ValidationException.check(
        indexWidth == indexWidthFor(numImages),
        "index width %d does not match %d images (expected %d)",
        indexWidth,
        numImages,
        indexWidthFor(numImages));
    ValidationException.check(
        bodyBytesWithoutOverflow(iterations, classesPerBatch, imagesPerClass, indexWidth)
            <= MAX_BODY_BYTES,
        "body of %d x %d x %d indices of %d bytes exceeds the in-memory limit of %d bytes",
        iterations,
        classesPerBatch,
        imagesPerClass,
        indexWidth,
        MAX_BODY_BYTES);
  }

  /** The header of the manifest of {@code sampler}'s whole run. */
  public static ManifestHeader of(ClassBalancedSampler sampler) {
    BatchSamplerConfig config = sampler.config();
    return new ManifestHeader(
        config.seed(),
        config.classesPerBatch(),
        config.imagesPerClass(),
        config.iterations(),
        sampler.numImages(),
        indexWidthFor(sampler.numImages()));
  }

  /** The fewest bytes (1..4) that hold every index in {@code [0, numImages)}. */
  public static int indexWidthFor(int numImages) {
    int largest = Math.max(numImages - 1, 0);
    return Math.max(1, (Integer.SIZE - Integer.numberOfLeadingZeros(largest) + 7) / 8);
  }

  /** Indices per batch: C x K. */
  public int batchSize() {
    return classesPerBatch * imagesPerClass;
  }

  /** Bytes of the body: iterations x C x K x index width. */
  public long bodyBytes() {
    return (long) iterations * classesPerBatch * imagesPerClass * indexWidth;
  }

  /** The {@value #BYTES} encoded bytes. */
  byte[] encode() {
    return ByteBuffer.allocate(BYTES)
        .putInt(MAGIC)
        .putInt(VERSION)
        .putLong(seed)
        .putInt(classesPerBatch)
        .putInt(imagesPerClass)
        .putInt(iterations)
        .putInt(numImages)
        .put((byte) indexWidth)
        .array();
  }

  /**
   * Decodes {@value #BYTES} bytes.
   *
   * @throws CorruptDataException on a wrong magic, an unknown version or an insane field
   */
  static ManifestHeader decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int magic = in.getInt();
    if (magic != MAGIC) {
      throw new CorruptDataException(
          String.format("not a batch manifest: magic 0x%08X, expected 0x%08X", magic, MAGIC));
    }
    int version = in.getInt();
    if (version != VERSION) {
      throw new CorruptDataException(
          String.format(
              "unsupported batch manifest version %d, this reader knows %d", version, VERSION));
    }
    try {
      return new ManifestHeader(
          in.getLong(), in.getInt(), in.getInt(), in.getInt(), in.getInt(), in.get());
    } catch (ValidationException e) {
      throw new CorruptDataException("batch manifest header is invalid: " + e.getMessage(), e);
    }
  }

  private static double bodyBytesWithoutOverflow(int iterations, int c, int k, int width) {
    // In double so that no product of four ints can overflow before the limit check.
    return (double) iterations * c * k * width;
  }
}
