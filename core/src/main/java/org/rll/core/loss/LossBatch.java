package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.function.IntFunction;
import org.rll.core.exceptions.ValidationException;

/**
 * What every vectorised loss does around its own arithmetic: check an N x d batch against its N
 * labels, and compute in a scope under the embeddings' manager, which frees every intermediate
 * array, moving only the loss out to the caller's manager.
 */
public final class LossBatch {
  private LossBatch() {}

  /** The batch size N of {@code embeddings} (N x d) labelled by {@code labels} (N). */
  public static int size(NDArray labels, NDArray embeddings) {
    ValidationException.check(
        embeddings.getShape().dimension() == 2,
        "embeddings must be 2-D (batch x dim), got shape %s",
        embeddings.getShape());
    int n = Math.toIntExact(embeddings.getShape().get(0));
    ValidationException.check(
        labels.size() == n, "labels size %d != batch size %d", labels.size(), n);
    return n;
  }

  /**
   * Checks the batch, then runs {@code loss} on its size in a scope holding the labels and
   * embeddings, and returns its result with the loss attached to the embeddings' manager.
   */
  public static HeadLoss evaluate(NDArray labels, NDArray embeddings, IntFunction<HeadLoss> loss) {
    int n = size(labels, embeddings);
    NDManager caller = embeddings.getManager();
    try (NDManager scope = NDManager.subManagerOf(embeddings)) {
      scope.tempAttachAll(embeddings, labels);
      HeadLoss head = loss.apply(n);
      head.loss().attach(caller);
      return head;
    }
  }

  /** N x N, whether items i and j share a label; on the embeddings' device, in their manager. */
  public static NDArray sameClass(NDArray labels, NDArray embeddings) {
    NDArray column = labels.toDevice(embeddings.getDevice(), false).reshape(-1, 1);
    return column.eq(column.transpose());
  }

  /** N x N, whether i == j; on the embeddings' device, in their manager. */
  public static NDArray identity(NDArray embeddings) {
    long n = embeddings.getShape().get(0);
    NDArray index =
        embeddings
            .getManager()
            .arange(0, (int) n, 1, DataType.INT32, embeddings.getDevice())
            .reshape(n, 1);
    return index.eq(index.transpose());
  }
}
