package org.rll.core.metrics;

import java.util.ArrayList;
import java.util.List;
import org.rll.core.random.SplitMix64;

/**
 * k-means|| seeding of {@link KMeansParallelSeeding} written plainly: distances directly in
 * doubles, every draw by scanning all points for the smallest remaining key, one at a time.
 */
final class KMeansParallelNaiveReference {
  private KMeansParallelNaiveReference() {}

  static int[] seeds(double[][] x, int k, SplitMix64 rng) {
    int n = x.length;
    List<Integer> seeds = new ArrayList<>();
    boolean[] drawn = new boolean[n];
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int first = rng.nextInt(n);
    seeds.add(first);
    drawn[first] = true;
    List<Integer> newest = List.of(first);
    for (int round = 0; seeds.size() < k; round++) {
      for (int i = 0; i < n; i++) {
        for (int c : newest) {
          nearest[i] = Math.min(nearest[i], KMeansNaiveReference.squaredDistance(x[i], x[c]));
        }
      }
      int rounds = KMeansParallelSeeding.ROUNDS;
      int take = (int) Math.ceil((k - seeds.size()) / (double) Math.max(1, rounds - round));
      double[] keys = new double[n];
      for (int i = 0; i < n; i++) {
        double u = 1.0 - rng.nextDouble();
        keys[i] =
            nearest[i] > 0 && !drawn[i] ? -Math.log(u) / nearest[i] : Double.POSITIVE_INFINITY;
      }
      List<Integer> round_ = new ArrayList<>();
      for (int t = 0; t < take; t++) {
        int best = -1;
        for (int i = 0; i < n; i++) {
          if (!drawn[i] && !round_.contains(i) && (best < 0 || keys[i] < keys[best])) {
            best = i;
          }
        }
        round_.add(best);
      }
      round_.sort(null);
      round_.forEach(i -> drawn[i] = true);
      seeds.addAll(round_);
      newest = round_;
    }
    return seeds.stream().mapToInt(Integer::intValue).toArray();
  }
}
