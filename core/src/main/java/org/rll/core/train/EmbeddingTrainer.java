package org.rll.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ParameterNames;
import org.rll.core.optim.Sgd;
import org.rll.core.optim.SgdConfig;

/**
 * One device's training step: forward in training mode, the loss (by default the Ranked List Loss)
 * on every head, backward, and an {@link Sgd} update. Its parameters (the model's, then the loss's
 * own) and optimiser are what a checkpoint holds.
 */
public final class EmbeddingTrainer implements AutoCloseable {
  private final EmbeddingModel model;
  private final EmbeddingLoss loss;
  private final SgdConfig sgdConfig;
  private final Map<String, Parameter> parameters;
  private final Sgd sgd;
  private final ParameterStore store;

  /**
   * A trainer of an initialised {@code model} whose optimiser state lives under {@code manager}. A
   * loss with parameters must be initialised first ({@link EmbeddingLoss#initialize}); they train
   * at the config's loss multiplier, else at the one of the loss's paper. The process's C heap is
   * set to keep freed memory ({@link NativeHeap}).
   */
  public EmbeddingTrainer(
      EmbeddingModel model, EmbeddingLoss loss, SgdConfig sgdConfig, NDManager manager) {
    this.model = model;
    this.loss = loss;
    this.sgdConfig = sgdConfig;
    this.parameters = withLossParameters(ParameterNames.of(model), loss.parameters());
    this.sgd =
        new Sgd(
            sgdConfig.withDefaultLossLrMultiplier(loss.defaultParameterLrMultiplier()), manager);
    this.store = new ParameterStore(manager, false);
    NativeHeap.retainFreedMemory();
  }

  /** Runs the next iteration on {@code images} (NCHW) with their class {@code labels}. */
  public StepLog step(NDArray images, int[] labels) {
    return step(images, labels, StepPhases.NONE);
  }

  /** {@link #step(NDArray, int[])}, telling {@code phases} as each phase ends. */
  public StepLog step(NDArray images, int[] labels, StepPhases phases) {
    long iteration = sgd.steps();
    double learningRate = sgdConfig.schedule().at(iteration);
    loss.beginIteration(iteration);
    Sgd.zeroGradients(parameters);
    phases.ended(StepPhases.Phase.ZERO_GRADIENTS);
    float value;
    try (NDManager scope = images.getManager().newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray labelArray = scope.create(labels);
      NDList embeddings = model.forward(store, new NDList(images), true);
      phases.ended(StepPhases.Phase.FORWARD);
      NDArray total = loss.evaluate(new NDList(labelArray), embeddings);
      phases.ended(StepPhases.Phase.LOSS);
      collector.backward(total);
      value = total.getFloat();
      phases.ended(StepPhases.Phase.BACKWARD);
      embeddings.attach(scope);
      total.attach(scope);
    }
    sgd.step(parameters);
    phases.ended(StepPhases.Phase.OPTIMIZER);
    return new StepLog(iteration, value, loss.getLatestMinedCounts(), learningRate);
  }

  private static Map<String, Parameter> withLossParameters(
      Map<String, Parameter> model, Map<String, Parameter> loss) {
    Map<String, Parameter> all = new LinkedHashMap<>(model);
    loss.forEach(
        (name, parameter) -> {
          if (!name.startsWith(EmbeddingLoss.PARAMETER_PREFIX)
              || all.put(name, parameter) != null) {
            throw new IllegalStateException(
                "loss parameter "
                    + name
                    + " lacks the prefix "
                    + EmbeddingLoss.PARAMETER_PREFIX
                    + " or repeats a name");
          }
        });
    return Collections.unmodifiableMap(all);
  }

  /** The model's parameters by name, BatchNorm statistics included, then the loss's. */
  public Map<String, Parameter> parameters() {
    return parameters;
  }

  /** The optimiser, whose step count is the number of iterations done. */
  public Sgd optimizer() {
    return sgd;
  }

  /** Embeddings of every head in inference mode (BatchNorm uses its running statistics). */
  public NDList embed(NDArray images) {
    return model.forward(store, new NDList(images), false);
  }

  @Override
  public void close() {
    sgd.close();
  }
}
