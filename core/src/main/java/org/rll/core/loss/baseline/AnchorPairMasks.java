package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.function.Function;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.LossBatch;
import org.rll.core.loss.MinedCounts;

/**
 * The N x N boolean masks of a labelled batch, anchor i in row i: {@code positives} (same class, j
 * != i) and {@code negatives} (other class), with the number of ordered positive pairs. Built after
 * the batch is validated, with the same messages as the reference losses'.
 */
record AnchorPairMasks(
    NDArray identity, NDArray positives, NDArray negatives, long positivePairs, DataType dtype) {

  static final String LABELS_SIZE = "labels size %d != batch size %d";
  static final String TWO_CLASSES =
      "a batch needs at least two classes, got one class in %d labels";
  static final String SAME_CLASS_PAIR =
      "a batch needs a same-class pair, got %d labels of distinct classes";

  /**
   * Runs {@code loss} on the masks of a validated batch inside a scope under the embeddings'
   * manager, which every intermediate array is freed with, and returns its result with the loss
   * attached to the embeddings' manager.
   */
  static HeadLoss evaluate(
      NDArray labels, NDArray embeddings, Function<AnchorPairMasks, HeadLoss> loss) {
    return LossBatch.evaluate(labels, embeddings, n -> loss.apply(of(labels, embeddings, n)));
  }

  /**
   * The masks of a validated batch of {@code n} on the embeddings' device; the arrays belong to the
   * current manager of {@code embeddings}.
   */
  private static AnchorPairMasks of(NDArray labels, NDArray embeddings, int n) {
    NDArray sameClass = LossBatch.sameClass(labels, embeddings);
    NDArray identity = LossBatch.identity(embeddings);
    NDArray positives = sameClass.logicalAnd(identity.logicalNot());
    NDArray negatives = sameClass.logicalNot();
    MinedCounts pairs = count(positives, negatives);
    ValidationException.check(pairs.negatives() > 0, TWO_CLASSES, n);
    return new AnchorPairMasks(
        identity, positives, negatives, pairs.positives(), embeddings.getDataType());
  }

  /** The number of true entries of each mask, read back in one transfer. */
  static MinedCounts count(NDArray positiveMask, NDArray negativeMask) {
    long[] counts =
        NDArrays.stack(
                new NDList(
                    positiveMask.sum().toType(DataType.INT64, false),
                    negativeMask.sum().toType(DataType.INT64, false)))
            .toLongArray();
    return new MinedCounts(counts[0], counts[1]);
  }

  /** Fails unless some anchor has a positive, for losses that average over positive pairs. */
  void requirePositivePairs() {
    int n = Math.toIntExact(positives.getShape().get(0));
    ValidationException.check(positivePairs > 0, SAME_CLASS_PAIR, n);
  }

  /**
   * The negatives of the anchors with at least one pair in {@code activePositives} (a subset of
   * {@link #positives}): the negative pairs that take part in some positive pair's term.
   */
  NDArray negativesOfAnchorsWith(NDArray activePositives) {
    return negatives.logicalAnd(activePositives.sum(new int[] {1}, true).gt(0));
  }

  /**
   * {@code factor} on the entries of {@code mask}, 0 elsewhere, in the embeddings' dtype: a
   * constant to multiply a differentiable matrix by. A Java scalar operand on the differentiable
   * path would be saved for the backward pass in a buffer the garbage collector owns.
   */
  NDArray weights(NDArray mask, double factor) {
    return mask.toType(dtype, false).mul(factor);
  }
}
