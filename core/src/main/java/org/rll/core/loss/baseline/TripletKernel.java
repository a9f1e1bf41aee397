package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.MinedCounts;

/**
 * The vectorised triplet loss of one embedding head, for each {@link TripletMining}: triplets are
 * mined on detached distances with masks and arg-min / arg-max (no per-anchor loop), then their
 * violations d_ap - d_an + alpha are gathered from the live distances.
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
      case SEMIHARD -> semihard(pairs);
      case HARD -> hard(pairs);
      case ALL -> all(pairs);
    };
  }

  /**
   * Entry [a, p] is the triplet of anchor a, positive p and the negative chosen for them: the
   * closest negative farther from a than p if there is one, else a's farthest negative.
   */
  private HeadLoss semihard(PairDistances pairs) {
    int n = pairs.size();
    NDArray fixed = pairs.fixed();
    NDArray anchorNegative = fixed.reshape(n, 1, n);
    NDArray fartherThanPositive =
        pairs.negatives().reshape(n, 1, n).logicalAnd(anchorNegative.gt(fixed.reshape(n, n, 1)));
    NDArray closestFarther = masked(anchorNegative, fartherThanPositive, OUT_OF_MASK).argMin(2);
    NDArray farthest = masked(fixed, pairs.negatives(), -1).argMax(1).reshape(n, 1);
    NDArray chosen =
        NDArrays.where(fartherThanPositive.sum(new int[] {2}).gt(0), closestFarther, farthest);
    NDArray violations = pairs.live().sub(pairs.live().gather(chosen, 1)).add(config.margin());
    NDArray active = pairs.positives().logicalAnd(violations.stopGradient().gt(0));

    NDArray negativeIndex =
        fixed.getManager().arange(0, n, 1, DataType.INT64, fixed.getDevice()).reshape(1, 1, n);
    NDArray usedNegatives =
        chosen
            .reshape(n, n, 1)
            .eq(negativeIndex)
            .logicalAnd(active.reshape(n, n, 1))
            .sum(new int[] {1})
            .gt(0);
    long[] counts = pairs.count(active, usedNegatives, pairs.positives());
    NDArray loss = pairs.averaging(active, counts[2]).mul(violations).sum();
    return new HeadLoss(loss, new MinedCounts(counts[0], counts[1]));
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

  /** Entry [a, p, n] is the triplet of anchor a, positive p and negative n. */
  private HeadLoss all(PairDistances pairs) {
    int n = pairs.size();
    NDArray live = pairs.live();
    NDArray violations = live.reshape(n, n, 1).sub(live.reshape(n, 1, n)).add(config.margin());
    NDArray active =
        pairs
            .positives()
            .reshape(n, n, 1)
            .logicalAnd(pairs.negatives().reshape(n, 1, n))
            .logicalAnd(violations.stopGradient().gt(0));

    long[] counts =
        pairs.count(active.sum(new int[] {2}).gt(0), active.sum(new int[] {1}).gt(0), active);
    NDArray loss = pairs.averaging(active, counts[2]).mul(violations).sum();
    return new HeadLoss(loss, new MinedCounts(counts[0], counts[1]));
  }

  /**
   * {@code values} inside {@code mask} and {@code outside} elsewhere, for a masked arg-min / max.
   */
  private static NDArray masked(NDArray values, NDArray mask, double outside) {
    NDArray inMask = mask.toType(values.getDataType(), false);
    return values.mul(inMask).add(inMask.sub(1).mul(-outside));
  }
}
