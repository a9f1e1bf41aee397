package org.rll.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Stochastic gradient descent with PyTorch's semantics, whose whole state can be checkpointed.
 *
 * <p>For each parameter p with gradient g: {@code d = g + wd * p} (unless p is a BatchNorm or bias
 * parameter and those are exempt), {@code buf = d} on the first step and {@code buf = momentum *
 * buf + d} after, then {@code p -= lr * multiplier * buf}. The learning rate sits outside the
 * buffer, unlike DJL's own SGD, so a schedule change does not rescale the momentum.
 *
 * <p>Momentum buffers are keyed by parameter name, so a checkpoint restores them into a freshly
 * built model. Call {@link #step} outside any gradient collector.
 */
public final class Sgd implements AutoCloseable {
  private final SgdConfig config;
  private final NDManager manager;
  private final Map<String, NDArray> buffers = new TreeMap<>();
  private long steps;

  /** An optimiser whose momentum buffers live in a sub-manager of {@code parent}. */
  public Sgd(SgdConfig config, NDManager parent) {
    this.config = config;
    this.manager = parent.newSubManager();
  }

  /** Updates every parameter that requires a gradient; the map's keys are stable names. */
  public void step(Map<String, Parameter> parameters) {
    double lr = config.schedule().at(steps);
    try (NDManager scope = manager.newSubManager()) {
      for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
        Parameter parameter = entry.getValue();
        if (parameter.requiresGradient()) {
          double rate = lr * config.lrMultiplier(entry.getKey());
          update(entry.getKey(), parameter, rate, scope);
        }
      }
    }
    steps++;
  }

  /** One parameter's update; temporaries go to {@code scope}, closed once the step is done. */
  private void update(String name, Parameter parameter, double rate, NDManager scope) {
    // The update goes through a detached view of the weight (same storage): autograd is on by
    // default on threads other than the engine's first, and must neither record the update nor
    // refuse an in-place write to a leaf.
    NDArray weight = scoped(parameter.getArray().stopGradient(), scope);
    NDArray direction = scoped(parameter.getArray().getGradient(), scope);
    if (config.weightDecay() > 0 && decays(parameter)) {
      direction = scoped(direction.add(scoped(weight.mul(config.weightDecay()), scope)), scope);
    }
    if (config.momentum() > 0) {
      NDArray buffer = buffers.get(name);
      if (buffer == null) {
        buffer = direction.duplicate();
        buffer.attach(manager);
        buffer.setName(name);
        buffers.put(name, buffer);
      } else {
        buffer.muli(config.momentum()).addi(direction);
      }
      direction = buffer;
    }
    weight.subi(scoped(direction.mul(rate), scope));
  }

  private boolean decays(Parameter parameter) {
    if (config.decayNormAndBias()) {
      return true;
    }
    Parameter.Type type = parameter.getType();
    return type != Parameter.Type.BIAS
        && type != Parameter.Type.GAMMA
        && type != Parameter.Type.BETA;
  }

  private static NDArray scoped(NDArray temporary, NDManager scope) {
    temporary.attach(scope);
    return temporary;
  }

  /**
   * Clears the gradients of {@code parameters}: PyTorch accumulates them across backward passes, so
   * every iteration starts with this, as {@code optimizer.zero_grad()} does.
   */
  public static void zeroGradients(Map<String, Parameter> parameters) {
    for (Parameter parameter : parameters.values()) {
      if (parameter.requiresGradient()) {
        try (NDArray gradient = parameter.getArray().getGradient()) {
          gradient.subi(gradient);
        }
      }
    }
  }

  /** Updates applied so far; the next one uses the schedule's rate at this iteration. */
  public long steps() {
    return steps;
  }

  /**
   * Writes the step count and every momentum buffer by parameter name; before the first update
   * there are no buffers, and nothing follows the count.
   */
  public void save(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeLong(steps);
    data.flush();
    if (!buffers.isEmpty()) {
      new NDList(buffers.values()).encode(out);
    }
  }

  /** Replaces this optimiser's state with one written by {@link #save}. */
  public void load(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    long savedSteps = data.readLong();
    if (savedSteps < 0) {
      throw new CorruptDataException("optimiser state has a negative step count " + savedSteps);
    }
    byte[] rest = in.readAllBytes();
    NDList saved = rest.length == 0 ? new NDList() : NDList.decode(manager, rest);
    buffers.values().forEach(NDArray::close);
    buffers.clear();
    for (NDArray buffer : saved) {
      buffers.put(buffer.getName(), buffer);
    }
    steps = savedSteps;
  }

  /** The momentum buffer of a parameter, if it has one yet. */
  public java.util.Optional<NDArray> momentumBuffer(String name) {
    return java.util.Optional.ofNullable(buffers.get(name));
  }

  @Override
  public void close() {
    manager.close();
  }
}
