package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.rll.core.random.SplitMix64;

/**
 * Exact k-means++ seeding (Arthur and Vassilvitskii 2007) on the points' device.
 *
 * <p>The first centre is {@code rng.nextInt(N)}. Each further centre is drawn with probability
 * proportional to D(x)^2, the squared distance of x to its nearest chosen centre: with {@code u =
 * rng.nextDouble()} and the cumulative sums S of D^2 (in doubles), the centre is the first point
 * whose S exceeds {@code u * S[N-1]}, i.e. the number of points with {@code S <= u * S[N-1]},
 * capped at N-1 (reached only when every point already coincides with a centre). Each step is one
 * pass over the data: a matrix-vector product (Gram expansion) and a running minimum.
 */
final class KMeansSeeding {
  private KMeansSeeding() {}

  /**
   * Row indices of the {@code k} seeds of {@code points} (N x d), whose squared row norms are
   * {@code squaredNorms} (N).
   */
  static int[] kMeansPlusPlus(NDArray points, NDArray squaredNorms, int k, SplitMix64 rng) {
    int count = Math.toIntExact(points.getShape().get(0));
    int[] seeds = new int[k];
    seeds[0] = rng.nextInt(count);
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray nearest = squaredDistancesTo(points, squaredNorms, seeds[0], manager);
      for (int c = 1; c < k; c++) {
        try (NDManager step = manager.newSubManager()) {
          NDArray asDoubles = nearest.toType(DataType.FLOAT64, false);
          asDoubles.attach(step);
          NDArray cumulative = asDoubles.cumSum(0);
          NDArray threshold = cumulative.get(count - 1L).mul(rng.nextDouble());
          long below = cumulative.lte(threshold).countNonzero().getLong();
          seeds[c] = (int) Math.min(below, count - 1L);
          NDArray distances = squaredDistancesTo(points, squaredNorms, seeds[c], step);
          NDArray updated = nearest.minimum(distances);
          nearest.close();
          nearest = updated;
        }
      }
    }
    return seeds;
  }

  /**
   * ||x - x_i||^2 = ||x||^2 - 2 x.x_i + ||x_i||^2 for every row x, clamped at 0 (rounding), in
   * {@code manager}.
   */
  private static NDArray squaredDistancesTo(
      NDArray points, NDArray squaredNorms, int index, NDManager manager) {
    NDArray centre = points.get(manager, index);
    NDArray distances = points.matMul(centre);
    distances.attach(manager);
    return distances
        .muli(-2f)
        .addi(squaredNorms)
        .addi(squaredNorms.get(manager, index))
        .maximum(0f);
  }
}
