package org.rll.core.metrics;

/** How {@link KMeans} picks its initial centres. */
public enum KMeansSeedingMethod {
  /**
   * Exact k-means++ (Arthur and Vassilvitskii 2007): k draws one after another, each proportional
   * to D^2, the squared distance to the nearest centre so far; k passes over the data.
   */
  K_MEANS_PLUS_PLUS,
  /**
   * k-means|| (Bahmani et al. 2012) drawing exactly k centres in {@link
   * KMeansParallelSeeding#ROUNDS} rounds: each round draws its share of the centres still missing
   * at once, without replacement, with probabilities proportional to D^2, then updates D^2 with one
   * matrix product against the new centres. The rounds together cost one N x k x d product. With k
   * centres drawn in all, no recluster step is needed; with k at most the number of rounds it is
   * k-means++.
   */
  K_MEANS_PARALLEL
}
