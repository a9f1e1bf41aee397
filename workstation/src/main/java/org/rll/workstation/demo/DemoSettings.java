package org.rll.workstation.demo;

import java.nio.file.Path;
import org.rll.core.exceptions.ValidationException;

/**
 * What the Fashion-MNIST demo trains on and for how long. The five training classes (0-4) bound the
 * classes per batch; the test classes (5-9) are only embedded and scored.
 *
 * @param iterations training iterations
 * @param classesPerBatch C, classes in each batch
 * @param imagesPerClass K, images of each class in a batch
 * @param learningRate the base SGD learning rate (the embedding head trains at 10x)
 * @param seed seed of the weights, the batches and the k-means of NMI
 * @param fullSet all 70,000 images of Debian's package instead of the bundled 10,000
 * @param home where the embedded stack keeps its data ({@code pg}, {@code s3}, ...)
 */
public record DemoSettings(
    int iterations,
    int classesPerBatch,
    int imagesPerClass,
    double learningRate,
    long seed,
    boolean fullSet,
    Path home) {

  /** The number of training classes of the paper-style split. */
  public static final int TRAIN_CLASSES = 5;

  /** Validates every field, naming the bad one. */
  public DemoSettings {
    ValidationException.check(iterations >= 1, "iterations must be >= 1, got %d", iterations);
    ValidationException.check(
        classesPerBatch >= 2 && classesPerBatch <= TRAIN_CLASSES,
        "classesPerBatch must be in [2, %d] (the training classes), got %d",
        TRAIN_CLASSES,
        classesPerBatch);
    ValidationException.check(
        imagesPerClass >= 2,
        "imagesPerClass must be >= 2 to give each image a positive, got %d",
        imagesPerClass);
    ValidationException.check(
        learningRate > 0 && Double.isFinite(learningRate),
        "learningRate must be a positive number, got %s",
        Double.toString(learningRate));
    ValidationException.check(home != null, "home must be set");
  }
}
