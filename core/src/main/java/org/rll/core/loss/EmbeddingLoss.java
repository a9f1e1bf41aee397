package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rll.core.exceptions.ValidationException;

/**
 * A metric-learning loss as a DJL {@link Loss}: {@link #evaluate} takes one label array (N class
 * ids) and one N x d embedding array per head (for example the L, M and H heads) and returns the
 * sum of the heads' losses, each computed by {@link #evaluateHead}. The embeddings are used as
 * given: normalising them is the model's job.
 *
 * <p>The pairs each head mined in the latest {@code evaluate} call are kept for training logs
 * ({@link #getLatestMinedCounts}).
 *
 * <p>A loss may own learned parameters (proxies, a margin): it creates them in {@link #initialize},
 * which must be called before training, and lists them in {@link #parameters} under names starting
 * with {@link #PARAMETER_PREFIX}, so the trainer's optimiser and checkpoints treat them like the
 * model's. A loss that draws random samples is told the iteration by {@link #beginIteration}.
 */
public abstract class EmbeddingLoss extends Loss {
  /** Every loss parameter's name starts with this, such as {@code loss.proxies.H}. */
  public static final String PARAMETER_PREFIX = "loss.";

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
      for (int h = 0; h < predictions.size(); h++) {
        HeadLoss head = evaluateHead(h, labels.head(), predictions.get(h));
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

  /**
   * The loss of head number {@code head} (its position in the predictions); a loss whose heads
   * differ, such as one with proxies per head, overrides this. By default every head is alike.
   */
  public HeadLoss evaluateHead(int head, NDArray labels, NDArray embeddings) {
    return evaluateHead(labels, embeddings);
  }

  /**
   * Creates this loss's parameters for a model and its training classes; a loss without parameters
   * ignores it. Call once, before {@link #parameters}.
   */
  public void initialize(LossContext context) {}

  /**
   * The learned parameters by name, each starting with {@link #PARAMETER_PREFIX}; empty for a loss
   * without any.
   *
   * @throws IllegalStateException when the loss has parameters but was not initialised
   */
  public Map<String, Parameter> parameters() {
    return Map.of();
  }

  /**
   * The learning-rate factor its paper trains the loss's parameters with, used unless the
   * optimiser's config sets one ({@link org.rll.core.optim.SgdConfig#lossLrMultiplier}).
   */
  public double defaultParameterLrMultiplier() {
    return 1;
  }

  /**
   * Says that the next {@link #evaluate} call belongs to {@code iteration}: a loss that samples
   * draws from (seed, iteration), so a resumed run draws what an uninterrupted one does.
   */
  public void beginIteration(long iteration) {}

  /** The pairs mined by each head, in head order, in the latest {@link #evaluate} call. */
  public List<MinedCounts> getLatestMinedCounts() {
    return latestMinedCounts;
  }
}
