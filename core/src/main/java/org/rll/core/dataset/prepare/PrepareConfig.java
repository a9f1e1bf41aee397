package org.rll.core.dataset.prepare;

import org.rll.core.exceptions.ValidationException;

/**
 * How {@link DatasetPreparer} works. Immutable.
 *
 * @param decodeThreads threads that decode and upload images in parallel, 1..256
 * @param minImagesPerClass classes with fewer valid images are excluded, at least 1
 */
public record PrepareConfig(int decodeThreads, int minImagesPerClass) {
  /** The default minimum: a class needs a positive pair. */
  public static final int DEFAULT_MIN_IMAGES_PER_CLASS = 2;

  public PrepareConfig {
    ValidationException.check(
        decodeThreads >= 1 && decodeThreads <= 256,
        "decode threads must be in 1..256, got %d",
        decodeThreads);
    ValidationException.check(
        minImagesPerClass >= 1, "min images per class must be >= 1, got %d", minImagesPerClass);
  }

  /** One thread per available processor and at least two images per class. */
  public static PrepareConfig defaults() {
    return new PrepareConfig(
        Math.min(256, Runtime.getRuntime().availableProcessors()), DEFAULT_MIN_IMAGES_PER_CLASS);
  }
}
