package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.rll.core.random.SplitMix64;

/**
 * Exact k-means++ seeding (Arthur and Vassilvitskii 2007).
 *
 * <p>The first centre is {@code rng.nextInt(N)}. Each further centre is drawn with probability
 * proportional to D(x)^2, the squared distance of x to its nearest chosen centre: with {@code u =
 * rng.nextDouble()} and the running sums S of D^2 in point order (doubles), the centre is the first
 * point whose S exceeds {@code u * S[N-1]}, i.e. the number of points with {@code S <= u * S[N-1]},
 * capped at N-1 (reached only when every point already coincides with a centre).
 *
 * <p>Each step is one pass over the data on its device, a matrix-vector product x.c; the Gram
 * expansion ||x||^2 - 2 x.c + ||c||^2, the running minimum and the draw run on the host in doubles,
 * which costs one transfer of N floats per step and no other device operation. Distances within the
 * float32 rounding of the expansion count as 0 ({@link #RESOLUTION}).
 */
final class KMeansSeeding {
  /**
   * Gram-expansion distances below this fraction of ||x||^2 + ||c||^2 are rounding noise of the
   * float32 dot product (a few of its typical relative errors), so they count as 0: a point equal
   * to a chosen centre then has weight exactly 0 and is never drawn again.
   */
  private static final double RESOLUTION = 0x1.0p-18;

  private KMeansSeeding() {}

  /**
   * Row indices of the {@code k} seeds of {@code points} (N x d), whose squared row norms are
   * {@code squaredNorms}.
   */
  static int[] kMeansPlusPlus(NDArray points, double[] squaredNorms, int k, SplitMix64 rng) {
    int count = squaredNorms.length;
    int[] seeds = new int[k];
    seeds[0] = rng.nextInt(count);
    double[] nearest = new double[count];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    double[] cumulative = new double[count];
    for (int c = 1; c < k; c++) {
      float[] dots = dotsWith(points, seeds[c - 1]);
      double centreNorm = squaredNorms[seeds[c - 1]];
      double sum = 0;
      for (int i = 0; i < count; i++) {
        double scale = squaredNorms[i] + centreNorm;
        double distance = scale - 2.0 * dots[i];
        if (distance <= RESOLUTION * scale) {
          distance = 0;
        }
        nearest[i] = Math.min(nearest[i], distance);
        sum += nearest[i];
        cumulative[i] = sum;
      }
      seeds[c] = Math.min(firstAbove(cumulative, sum * rng.nextDouble()), count - 1);
    }
    return seeds;
  }

  /** x.x_index for every row x. */
  private static float[] dotsWith(NDArray points, int index) {
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray centre = points.get(manager, index);
      NDArray dots = points.matMul(centre);
      dots.attach(manager);
      return dots.toFloatArray();
    }
  }

  /** The first index whose value exceeds {@code threshold} in non-decreasing {@code sorted}. */
  private static int firstAbove(double[] sorted, double threshold) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] <= threshold) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
