package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import org.rll.core.exceptions.ValidationException;

/**
 * The vectorised ranked list loss of one embedding head: one N x N distance matrix, boolean masks
 * and row-normalised weights, no per-query loop. Works in the input's dtype and on its device.
 */
final class RankedListKernel {
  /** The floor of squared distances ({@link PairwiseDistances}). */
  static final double SQUARED_DISTANCE_FLOOR = PairwiseDistances.SQUARED_DISTANCE_FLOOR;

  /**
   * Subtracted from the weight logits of pairs outside a mask before taking the row maximum: finite
   * in float32 and float64, and far larger than any real logit.
   */
  private static final double OUT_OF_MASK_PENALTY = 1e30;

  private final RankedListLossConfig config;

  RankedListKernel(RankedListLossConfig config) {
    this.config = config;
  }

  /**
   * The loss (1/N) sum_i 2 ((1 - lambda) L_P(i) + lambda L_N(i)) of an N x d batch, attached to the
   * embeddings' manager, and the pairs it mined.
   */
  HeadLoss compute(NDArray labels, NDArray embeddings) {
    return LossBatch.evaluate(labels, embeddings, n -> compute(labels, embeddings, n));
  }

  private HeadLoss compute(NDArray labels, NDArray embeddings, int n) {
    NDArray gallery =
        config.gradientMode() == GradientMode.CONSTANT_GALLERY
            ? embeddings.stopGradient()
            : embeddings;
    NDArray distances = PairwiseDistances.euclidean(embeddings, gallery);
    NDArray fixed = distances.stopGradient();

    NDArray sameClass = LossBatch.sameClass(labels, embeddings);
    NDArray notSelf = LossBatch.identity(embeddings).logicalNot();
    NDArray positives =
        sameClass.logicalAnd(notSelf).logicalAnd(fixed.gt(config.positiveBoundary()));
    NDArray negatives = sameClass.logicalNot().logicalAnd(fixed.lt(config.alpha()));

    // Scales are applied to N x N arrays, never to 0-d ones: a 0-d array times a Java double
    // would be promoted to float64.
    NDArray positiveWeights =
        rowNormalisedWeights(
                fixed.sub(config.positiveBoundary()).mul(config.positiveTemperature()), positives)
            .mul(2 * (1 - config.balance()) / n);
    NDArray negativeWeights =
        rowNormalisedWeights(fixed.neg().add(config.alpha()).mul(config.temperature()), negatives)
            .mul(2 * config.balance() / n);
    NDArray loss =
        positiveWeights
            .mul(distances.sub(config.positiveBoundary()))
            .add(negativeWeights.mul(distances.neg().add(config.alpha())))
            .sum();

    long[] counts =
        NDArrays.stack(
                new NDList(
                    positives.sum().toType(DataType.INT64, false),
                    negatives.sum().toType(DataType.INT64, false),
                    sameClass.logicalNot().sum().toType(DataType.INT64, false)))
            .toLongArray();
    ValidationException.check(
        counts[2] > 0, "a batch needs at least two classes, got one class in %d labels", n);
    return new HeadLoss(loss, new MinedCounts(counts[0], counts[1]));
  }

  /**
   * Row-normalised exp(logit) over the pairs in {@code mask}; the logits come from detached
   * distances, so the weights are constants. Each row is shifted by its largest in-mask logit, so
   * its top weight is exactly 1: nothing overflows whatever the temperature, a non-empty row sums
   * to at least 1, and an empty row is all zeros (0 / max(0, 1)). The shift can leave out-of-mask
   * entries positive; clamping them at 0 before exp keeps them finite, so the mask zeroes them
   * instead of turning inf * 0 into NaN.
   */
  private static NDArray rowNormalisedWeights(NDArray logits, NDArray mask) {
    NDArray inMask = mask.toType(logits.getDataType(), false);
    NDArray maskedLogits = logits.mul(inMask).add(inMask.sub(1).mul(OUT_OF_MASK_PENALTY));
    NDArray rowMax = maskedLogits.max(new int[] {1}, true);
    NDArray weights = logits.sub(rowMax).minimum(0).exp().mul(inMask);
    return weights.div(weights.sum(new int[] {1}, true).maximum(1));
  }
}
