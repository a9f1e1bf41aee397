package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rll.core.random.SplitMix64;

/** Small deterministic point sets for the k-means and NMI tests. */
final class KMeansTestData {
  private KMeansTestData() {}

  /** n x d points, coordinates uniform in [-1, 1), rounded to float. */
  static double[][] uniform(int n, int d, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (2 * rng.nextDouble() - 1);
      }
    }
    return x;
  }

  /**
   * {@code blobs x perBlob} points: blob b's centre has coordinates uniform in [-10, 10), each
   * point adds uniform noise in [-0.1, 0.1); point i belongs to blob i % blobs.
   */
  static double[][] blobs(int blobs, int perBlob, int d, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[][] centres = new double[blobs][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = 20 * rng.nextDouble() - 10;
      }
    }
    double[][] x = new double[blobs * perBlob][d];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (centres[i % blobs][j] + 0.2 * rng.nextDouble() - 0.1);
      }
    }
    return x;
  }

  /** The blob of every point of {@link #blobs}. */
  static int[] blobLabels(int blobs, int perBlob) {
    int[] labels = new int[blobs * perBlob];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % blobs;
    }
    return labels;
  }

  /** {@code x} as an n x d float32 NDArray of {@code manager}. */
  static NDArray toNDArray(NDManager manager, double[][] x) {
    float[] flat = new float[x.length * x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        flat[i * x[i].length + j] = (float) x[i][j];
      }
    }
    return manager.create(flat, new Shape(x.length, x[0].length));
  }
}
