package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * A metric-learning loss as a DJL {@link Loss}: {@link #evaluate} takes one label array (N class
 * ids) and one N x d embedding array per head (for example the L, M and H heads) and returns the
 * sum of the heads' losses, each computed by {@link #evaluateHead}. The embeddings are used as
 * given: normalising them is the model's job.
 *
 * <p>The pairs each head mined in the latest {@code evaluate} call are kept for training logs
 * ({@link #getLatestMinedCounts}).
 */
public abstract class EmbeddingLoss extends Loss {
  private volatile List<MinedCounts> latestMinedCounts = List.of();

  /** A loss shown as {@code name} in training logs. */
  protected EmbeddingLoss(String name) {
    super(name);
  }

  /**
   * The summed loss of every embedding head in {@code predictions}, all sharing {@code
   * labels.head()}; a scalar attached to the first head's manager.
   */
  @Override
  public final NDArray evaluate(NDList labels, NDList predictions) {
    ValidationException.check(
        !labels.isEmpty(), "labels must hold one array of class ids, got %d arrays", labels.size());
    ValidationException.check(
        !predictions.isEmpty(),
        "predictions must hold at least one embedding head, got %d",
        predictions.size());
    NDManager caller = predictions.head().getManager();
    List<MinedCounts> counts = new ArrayList<>(predictions.size());
    try (NDManager scope = NDManager.subManagerOf(predictions.head())) {
      NDArray total = null;
      for (NDArray embeddings : predictions) {
        HeadLoss head = evaluateHead(labels.head(), embeddings);
        head.loss().attach(scope);
        counts.add(head.counts());
        total = total == null ? head.loss() : total.add(head.loss());
      }
      total.attach(caller);
      latestMinedCounts = List.copyOf(counts);
      return total;
    }
  }

  /**
   * One head's loss (a differentiable scalar attached to the embeddings' manager) and the pairs it
   * mined; the counts are not kept.
   */
  public abstract HeadLoss evaluateHead(NDArray labels, NDArray embeddings);

  /** The pairs mined by each head, in head order, in the latest {@link #evaluate} call. */
  public List<MinedCounts> getLatestMinedCounts() {
    return latestMinedCounts;
  }
}
