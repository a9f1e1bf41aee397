package org.rll.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.model.ParameterNames;
import org.rll.core.optim.Sgd;
import org.rll.core.train.StepPhases;
import org.rll.core.train.StepPhases.Phase;

/**
 * The baseline step: the same network trained on the trivial loss sum(embeddings) with plain SGD
 * ({@code p -= lr * g}, one native op pair per parameter, no momentum or decay). What the measured
 * step costs beyond this is the ranked list loss and the optimiser.
 */
final class PlainSgdStep implements TimedStep {
  private final NDManager manager;
  private final EmbeddingModel model;
  private final Map<String, Parameter> parameters;
  private final ParameterStore store;
  private final double learningRate;

  PlainSgdStep(ModelConfig config, int batch, double learningRate, NDManager parent) {
    this.manager = parent.newSubManager();
    this.model = config.build(manager, batch);
    this.parameters = ParameterNames.of(model);
    this.store = new ParameterStore(manager, false);
    this.learningRate = learningRate;
  }

  @Override
  public void run(NDArray images, int[] labels, StepPhases phases) {
    Sgd.zeroGradients(parameters);
    phases.ended(Phase.ZERO_GRADIENTS);
    try (NDManager scope = images.getManager().newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDList embeddings = model.forward(store, new NDList(images), true);
      phases.ended(Phase.FORWARD);
      NDArray total = embeddings.head().sum();
      for (int h = 1; h < embeddings.size(); h++) {
        total = total.add(embeddings.get(h).sum());
      }
      phases.ended(Phase.LOSS);
      collector.backward(total);
      total.getFloat();
      phases.ended(Phase.BACKWARD);
      embeddings.attach(scope);
      total.attach(scope);
    }
    update();
    phases.ended(Phase.OPTIMIZER);
  }

  private void update() {
    for (Parameter parameter : parameters.values()) {
      if (parameter.requiresGradient()) {
        // A detached view of the weight, as Sgd updates: in-place writes to a leaf that
        // requires grad are refused where autograd is on.
        try (NDArray weight = parameter.getArray().stopGradient();
            NDArray gradient = parameter.getArray().getGradient();
            NDArray step = gradient.mul(learningRate)) {
          weight.subi(step);
        }
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
