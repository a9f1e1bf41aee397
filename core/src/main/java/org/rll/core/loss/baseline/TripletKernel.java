package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * The triplet loss of one embedding head, for each {@link TripletMining}, mined on detached
 * distances: batch hard with masks and arg-min / arg-max, then its violations d_ap - d_an + alpha
 * gathered from the live distances; semi-hard and all as {@link TripletWeights}, constant weights
 * over the live distances.
 */
final class TripletKernel {
  /**
   * Stands in for the distances outside a mask when taking a row's minimum: finite in float32 and
   * float64, and far larger than any distance. Outside a mask for a maximum, -1 serves, being below
   * every distance.
   */
  private static final double OUT_OF_MASK = 1e30;

  private final TripletLossConfig config;

  TripletKernel(TripletLossConfig config) {
    this.config = config;
  }

  HeadLoss compute(PairDistances pairs) {
    return switch (config.mining()) {
      case SEMIHARD -> weighted(pairs, TripletWeights::semihard);
      case HARD -> hard(pairs);
      case ALL -> weighted(pairs, TripletWeights::all);
    };
  }

  /** Entry [a] is the triplet of anchor a, its farthest positive and its closest negative. */
  private HeadLoss hard(PairDistances pairs) {
    int n = pairs.size();
    NDArray fixed = pairs.fixed();
    NDArray hardestPositive = masked(fixed, pairs.positives(), -1).argMax(1).reshape(n, 1);
    NDArray hardestNegative = masked(fixed, pairs.negatives(), OUT_OF_MASK).argMin(1).reshape(n, 1);
    NDArray violations =
        pairs
            .live()
            .gather(hardestPositive, 1)
            .sub(pairs.live().gather(hardestNegative, 1))
            .add(config.margin());
    NDArray anchors = pairs.positives().sum(new int[] {1}, true).gt(0);
    NDArray active = anchors.logicalAnd(violations.stopGradient().gt(0));

    long[] counts = pairs.count(active, anchors);
    NDArray loss = pairs.averaging(active, counts[1]).mul(violations).sum();
    return new HeadLoss(loss, new MinedCounts(counts[0], counts[0]));
  }

  /** Semi-hard or all triplets, mined in Java as constant weights over the live distances. */
  private HeadLoss weighted(PairDistances pairs, Miner miner) {
    pairs.count(); // refuses a batch of a single class
    TripletWeights mined =
        miner.mine(
            pairs.fixedRows(),
            pairs.positives().toBooleanArray(),
            pairs.negatives().toBooleanArray(),
            config.margin());
    NDArray live = pairs.live();
    NDManager scope = live.getManager();
    int n = pairs.size();
    NDArray loss =
        OwnedConstants.array(scope, mined.weights(), new Shape(n, n), live.getDataType())
            .mul(live)
            .sum()
            .add(OwnedConstants.scalar(scope, mined.constant(), live.getDataType()));
    return new HeadLoss(loss, mined.counts());
  }

  /** One of {@link TripletWeights}'s minings. */
  private interface Miner {
    TripletWeights mine(double[][] distances, boolean[] positives, boolean[] negatives, double m);
  }

  /**
   * {@code values} inside {@code mask} and {@code outside} elsewhere, for a masked arg-min / max.
   */
  private static NDArray masked(NDArray values, NDArray mask, double outside) {
    NDArray inMask = mask.toType(values.getDataType(), false);
    return values.mul(inMask).add(inMask.sub(1).mul(-outside));
  }
}
