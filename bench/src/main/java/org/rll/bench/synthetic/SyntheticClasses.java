package org.rll.bench.synthetic;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

/**
 * Labelled points for the benchmarks: each class has a Gaussian centre in the first {@code
 * signalDim} coordinates, and each point adds Gaussian noise of scale {@code noise} there and of
 * scale {@code nuisance} in the remaining coordinates.
 *
 * <p>With {@code signalDim == dim} the classes are isotropic blobs. With a strong nuisance the raw
 * Euclidean distance is dominated by coordinates that carry no class information, so a metric has
 * to be learned; since every class shares the signal subspace, what is learned on some classes
 * carries over to unseen ones. Every value is a function of (seed, class) or (seed, point), so a
 * point does not depend on how many others are generated.
 */
public final class SyntheticClasses {
  private static final long CENTRE_STREAM = 1;
  private static final long POINT_STREAM = 2;

  private final int[] labels;
  private final int dim;
  private final int signalDim;
  private final double noise;
  private final double nuisance;
  private final boolean normalize;
  private final long seed;

  private SyntheticClasses(Builder builder) {
    ValidationException.check(builder.labels != null, "labels must be set");
    ValidationException.check(builder.dim > 0, "dim must be positive, got %d", builder.dim);
    int signal = builder.signalDim == null ? builder.dim : builder.signalDim;
    ValidationException.check(
        signal > 0 && signal <= builder.dim,
        "signalDim must be in [1, dim = %d], got %d",
        builder.dim,
        signal);
    ValidationException.check(
        builder.noise >= 0, "noise must be >= 0, got %s", Double.toString(builder.noise));
    ValidationException.check(
        builder.nuisance >= 0, "nuisance must be >= 0, got %s", Double.toString(builder.nuisance));
    for (int i = 0; i < builder.labels.length; i++) {
      ValidationException.check(
          builder.labels[i] >= 0, "labels[%d] must be >= 0, got %d", i, builder.labels[i]);
    }
    this.labels = builder.labels.clone();
    this.dim = builder.dim;
    this.signalDim = signal;
    this.noise = builder.noise;
    this.nuisance = builder.nuisance;
    this.normalize = builder.normalize;
    this.seed = builder.seed;
  }

  /** A builder: labels and dim are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The label of every point, in point order. */
  public int[] labels() {
    return labels.clone();
  }

  /** Row-major N x dim values. */
  public float[] values() {
    float[] values = new float[labels.length * dim];
    double[] centre = new double[signalDim];
    int centreLabel = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != centreLabel) {
        centreLabel = labels[i];
        SplitMix64 centres = SplitMix64.derive(seed, CENTRE_STREAM, centreLabel);
        for (int j = 0; j < signalDim; j++) {
          centre[j] = centres.nextGaussian();
        }
      }
      SplitMix64 rng = SplitMix64.derive(seed, POINT_STREAM, i);
      int row = i * dim;
      for (int j = 0; j < dim; j++) {
        double value =
            j < signalDim ? centre[j] + noise * rng.nextGaussian() : nuisance * rng.nextGaussian();
        values[row + j] = (float) value;
      }
      if (normalize) {
        normalizeRow(values, row);
      }
    }
    return values;
  }

  /** The points as an N x dim float32 array owned by {@code manager}. */
  public NDArray toNDArray(NDManager manager) {
    return manager.create(values(), new Shape(labels.length, dim));
  }

  private void normalizeRow(float[] values, int row) {
    double squares = 0;
    for (int j = 0; j < dim; j++) {
      squares += (double) values[row + j] * values[row + j];
    }
    float scale = (float) (1 / Math.sqrt(Math.max(squares, Double.MIN_NORMAL)));
    for (int j = 0; j < dim; j++) {
      values[row + j] *= scale;
    }
  }

  /** Builder of {@link SyntheticClasses}. */
  public static final class Builder {
    private int[] labels;
    private int dim;
    private Integer signalDim;
    private double noise = 0.5;
    private double nuisance;
    private boolean normalize;
    private long seed;

    private Builder() {}

    /** The label of every point (non-negative); points of a class need not be adjacent. */
    public Builder setLabels(int[] labels) {
      this.labels = labels;
      return this;
    }

    /** The dimension of every point. */
    public Builder setDim(int dim) {
      this.dim = dim;
      return this;
    }

    /** Leading coordinates that carry the class centre; default: all of them. */
    public Builder optSignalDim(int signalDim) {
      this.signalDim = signalDim;
      return this;
    }

    /** Within-class noise scale in the signal coordinates; default 0.5 (centres have scale 1). */
    public Builder optNoise(double noise) {
      this.noise = noise;
      return this;
    }

    /** Noise scale in the coordinates past {@code signalDim}; default 0. */
    public Builder optNuisance(double nuisance) {
      this.nuisance = nuisance;
      return this;
    }

    /** Whether to L2-normalise every point; default false. */
    public Builder optNormalize(boolean normalize) {
      this.normalize = normalize;
      return this;
    }

    /** The seed every value derives from; default 0. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Validates and builds. */
    public SyntheticClasses build() {
      return new SyntheticClasses(this);
    }
  }
}
