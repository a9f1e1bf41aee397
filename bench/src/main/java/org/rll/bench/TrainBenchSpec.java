package org.rll.bench;

import ai.djl.Device;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.ModelConfig;

/**
 * One network's training benchmark.
 *
 * @param model the network and its heads
 * @param batch images per step, a multiple of {@code perClass}
 * @param perClass images of each class in a batch (K); the batch holds batch / K classes
 * @param size side of the square input
 * @param iterations timed steps of each variant
 * @param warmup untimed steps of each variant first
 * @param device where the steps run
 */
record TrainBenchSpec(
    ModelConfig model,
    int batch,
    int perClass,
    int size,
    int iterations,
    int warmup,
    Device device) {
  TrainBenchSpec {
    ValidationException.check(perClass >= 1, "images per class must be >= 1, got %d", perClass);
    ValidationException.check(
        batch >= 2 * perClass && batch % perClass == 0,
        "batch must be a multiple of %d images per class holding two classes or more, got %d",
        perClass,
        batch);
    ValidationException.check(size >= 1, "input size must be >= 1, got %d", size);
    ValidationException.check(iterations >= 1, "iterations must be >= 1, got %d", iterations);
    ValidationException.check(warmup >= 0, "warm-up must be >= 0, got %d", warmup);
  }

  /** Input channels times the input side squared: the floats of one image. */
  int pixelsPerImage() {
    return model.backbone().channels() * size * size;
  }
}
