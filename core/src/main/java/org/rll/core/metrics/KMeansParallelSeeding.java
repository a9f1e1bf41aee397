package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.rll.core.random.SplitMix64;

/**
 * k-means|| seeding that draws exactly k centres ({@link KMeansSeedingMethod#K_MEANS_PARALLEL}).
 *
 * <p>The first centre is {@code rng.nextInt(N)}. Each round r of R draws {@code ceil(missing / (R -
 * r))} centres without replacement, point i with weight D(x_i)^2, by the keys of Efraimidis and
 * Spirakis (2006): {@code key_i = -ln(u_i) / D(x_i)^2} with {@code u_i = 1 - rng.nextDouble()} for
 * every point in index order; the points of the smallest keys are drawn (lower index on equal
 * keys), points at D = 0 never. D^2 is then lowered with the new centres' distances, computed on
 * the data's device as one product and the Gram expansion on the host in doubles, distances within
 * float32 rounding counting as 0 as in exact k-means++. When fewer points than needed lie at D > 0,
 * the rest are the lowest-index points not yet drawn.
 */
final class KMeansParallelSeeding {
  /** Rounds of draws; with k at most this, every round draws one centre, as k-means++ does. */
  static final int ROUNDS = 64;

  private static final double RESOLUTION = 0x1.0p-18;

  private KMeansParallelSeeding() {}

  /**
   * Row indices of the {@code k} seeds of {@code points} (N x d) with squared row norms {@code
   * squaredNorms}.
   */
  static int[] seeds(NDArray points, double[] squaredNorms, int k, SplitMix64 rng) {
    int count = squaredNorms.length;
    int[] seeds = new int[k];
    boolean[] drawn = new boolean[count];
    double[] nearest = new double[count];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    seeds[0] = rng.nextInt(count);
    drawn[seeds[0]] = true;
    int chosen = 1;
    int[] newest = {seeds[0]};
    for (int round = 0; chosen < k; round++) {
      lower(nearest, points, squaredNorms, newest);
      int take = (int) Math.ceil((k - chosen) / (double) Math.max(1, ROUNDS - round));
      newest = draw(nearest, drawn, take, rng);
      System.arraycopy(newest, 0, seeds, chosen, newest.length);
      chosen += newest.length;
    }
    return seeds;
  }

  /**
   * Lowers each point's D^2 to its squared distance from the centres {@code centres}, if nearer.
   */
  private static void lower(
      double[] nearest, NDArray points, double[] squaredNorms, int[] centres) {
    float[] dots;
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray selected =
          points.get(manager.create(Arrays.stream(centres).asLongStream().toArray()));
      NDArray product = points.matMul(selected.transpose());
      product.attach(manager);
      dots = product.toFloatArray();
    }
    int width = centres.length;
    for (int i = 0; i < nearest.length; i++) {
      for (int c = 0; c < width; c++) {
        double scale = squaredNorms[i] + squaredNorms[centres[c]];
        double distance = scale - 2.0 * dots[i * width + c];
        if (distance <= RESOLUTION * scale) {
          distance = 0;
        }
        nearest[i] = Math.min(nearest[i], distance);
      }
    }
  }

  /** Draws {@code take} points not drawn yet, in index order of the draw, and marks them. */
  private static int[] draw(double[] weights, boolean[] drawn, int take, SplitMix64 rng) {
    int count = weights.length;
    double[] keys = new double[count];
    int positive = 0;
    for (int i = 0; i < count; i++) {
      double u = 1.0 - rng.nextDouble();
      keys[i] = weights[i] > 0 && !drawn[i] ? -Math.log(u) / weights[i] : Double.POSITIVE_INFINITY;
      positive += keys[i] < Double.POSITIVE_INFINITY ? 1 : 0;
    }
    int[] result = new int[take];
    int filled = 0;
    if (positive > 0) {
      double[] sorted = keys.clone();
      Arrays.sort(sorted);
      double threshold = sorted[Math.min(take, positive) - 1];
      for (int i = 0; i < count && filled < take; i++) {
        if (keys[i] < threshold) {
          result[filled++] = i;
        }
      }
      for (int i = 0; i < count && filled < take; i++) {
        if (keys[i] == threshold) {
          result[filled++] = i;
        }
      }
    }
    for (int i = 0; i < count && filled < take; i++) {
      if (!drawn[i] && keys[i] == Double.POSITIVE_INFINITY) {
        result[filled++] = i;
      }
    }
    Arrays.sort(result, 0, filled);
    for (int i = 0; i < filled; i++) {
      drawn[result[i]] = true;
    }
    return Arrays.copyOf(result, filled);
  }
}
