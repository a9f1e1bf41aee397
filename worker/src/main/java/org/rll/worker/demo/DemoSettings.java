package org.rll.worker.demo;

import org.rll.core.exceptions.ValidationException;

/**
 * What the demo trains on and for how long: {@code classes} synthetic classes of {@code
 * pointsPerClass} points each, the first half for training and the second half for testing, as the
 * paper splits its datasets by class.
 */
public record DemoSettings(
    int classes,
    int pointsPerClass,
    int iterations,
    int classesPerBatch,
    int imagesPerClass,
    double learningRate,
    long seed) {

  /** Input dimension of the synthetic points. */
  public static final int INPUT_DIM = 64;

  /** Leading input coordinates that carry the class; the rest are nuisance. */
  public static final int SIGNAL_DIM = 8;

  /** Validates every field, naming the bad one. */
  public DemoSettings {
    ValidationException.check(
        classes >= 4 && classes % 2 == 0, "classes must be even and >= 4, got %d", classes);
    ValidationException.check(
        pointsPerClass >= 2, "pointsPerClass must be >= 2, got %d", pointsPerClass);
    ValidationException.check(iterations >= 1, "iterations must be >= 1, got %d", iterations);
    ValidationException.check(
        classesPerBatch >= 2 && classesPerBatch <= classes / 2,
        "classesPerBatch must be in [2, %d] (the training classes), got %d",
        classes / 2,
        classesPerBatch);
    ValidationException.check(
        imagesPerClass >= 1, "imagesPerClass must be >= 1, got %d", imagesPerClass);
    ValidationException.check(
        learningRate > 0 && Double.isFinite(learningRate),
        "learningRate must be a positive number, got %s",
        Double.toString(learningRate));
  }
}
