package org.rll.core.sampling;

import org.rll.core.exceptions.ValidationException;

/**
 * What a class-balanced batch sampler draws: C classes x K images per batch, for a number of
 * iterations, from a seed. Immutable and validated at construction.
 *
 * <p>Defaults are the paper's: C = 60, K = 3 (180 images per batch).
 */
public final class BatchSamplerConfig {
  /** The paper's number of classes per batch. */
  public static final int DEFAULT_CLASSES_PER_BATCH = 60;

  /** The paper's number of images per class in a batch. */
  public static final int DEFAULT_IMAGES_PER_CLASS = 3;

  private final long seed;
  private final int iterations;
  private final int classesPerBatch;
  private final int imagesPerClass;

  private BatchSamplerConfig(Builder builder) {
    ValidationException.check(builder.seed != null, "seed must be set");
    ValidationException.check(builder.iterations != null, "iterations must be set");
    ValidationException.check(
        builder.iterations >= 0, "iterations must be >= 0, got %d", builder.iterations);
    ValidationException.check(
        builder.classesPerBatch >= 2,
        "C (classes per batch) must be >= 2, got %d",
        builder.classesPerBatch);
    ValidationException.check(
        builder.imagesPerClass >= 1,
        "K (images per class) must be >= 1, got %d",
        builder.imagesPerClass);
    ValidationException.check(
        (long) builder.classesPerBatch * builder.imagesPerClass <= Integer.MAX_VALUE,
        "batch size C x K = %d x %d does not fit in an int",
        builder.classesPerBatch,
        builder.imagesPerClass);
    this.seed = builder.seed;
    this.iterations = builder.iterations;
    this.classesPerBatch = builder.classesPerBatch;
    this.imagesPerClass = builder.imagesPerClass;
  }

  /** A builder with the paper's C and K; seed and iterations must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The seed every batch is derived from. */
  public long seed() {
    return seed;
  }

  /** The number of batches of the run. */
  public int iterations() {
    return iterations;
  }

  /** C: distinct classes in every batch. */
  public int classesPerBatch() {
    return classesPerBatch;
  }

  /** K: images of each class in every batch. */
  public int imagesPerClass() {
    return imagesPerClass;
  }

  /** C x K: images in every batch. */
  public int batchSize() {
    return classesPerBatch * imagesPerClass;
  }

  @Override
  public String toString() {
    return String.format(
        "BatchSamplerConfig[seed=%d, iterations=%d, C=%d, K=%d]",
        seed, iterations, classesPerBatch, imagesPerClass);
  }

  /** Builds a {@link BatchSamplerConfig}: {@code setX} are required, {@code optX} optional. */
  public static final class Builder {
    private Long seed;
    private Integer iterations;
    private int classesPerBatch = DEFAULT_CLASSES_PER_BATCH;
    private int imagesPerClass = DEFAULT_IMAGES_PER_CLASS;

    private Builder() {}

    /** Sets the seed every batch is derived from. */
    public Builder setSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the number of batches of the run (>= 0). */
    public Builder setIterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    /** Sets C, the classes per batch (>= 2); defaults to 60. */
    public Builder optClassesPerBatch(int classesPerBatch) {
      this.classesPerBatch = classesPerBatch;
      return this;
    }

    /** Sets K, the images per class (>= 1); defaults to 3. */
    public Builder optImagesPerClass(int imagesPerClass) {
      this.imagesPerClass = imagesPerClass;
      return this;
    }

    /** The validated config. */
    public BatchSamplerConfig build() {
      return new BatchSamplerConfig(this);
    }
  }
}
