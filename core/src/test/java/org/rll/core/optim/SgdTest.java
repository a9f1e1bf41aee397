package org.rll.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdTest {
  private static final float[] X = {0.5f, -1f};

  private static SgdConfig config() {
    return SgdConfig.builder()
        .setSchedule(LrSchedule.constant(0.1))
        .optMomentum(0.9)
        .optWeightDecay(0.01)
        .optDecayNormAndBias(false)
        .optLrMultiplier("head.", 10)
        .build();
  }

  /** w (a weight) and head.b (a bias at 10x lr) of loss = sum(w * x) + 2 b. */
  private static Map<String, Parameter> parameters(NDManager manager) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    parameters.put("w", parameter(manager, "w", Parameter.Type.WEIGHT, 1f, 2f));
    parameters.put("head.b", parameter(manager, "b", Parameter.Type.BIAS, 0.5f));
    return parameters;
  }

  private static Parameter parameter(
      NDManager manager, String name, Parameter.Type type, float... values) {
    NDArray array = manager.create(values);
    array.setRequiresGradient(true);
    return Parameter.builder().setName(name).setType(type).optArray(array).build();
  }

  private static void computeGradients(NDManager manager, Map<String, Parameter> parameters) {
    Sgd.zeroGradients(parameters);
    try (NDManager scope = manager.newSubManager();
        GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray w = parameters.get("w").getArray();
      NDArray b = parameters.get("head.b").getArray();
      NDArray x = scope.create(X);
      NDArray loss = w.mul(x).sum().add(b.add(b).sum());
      collector.backward(loss);
    }
  }

  private static void train(NDManager manager, Sgd sgd, Map<String, Parameter> params, int steps) {
    for (int i = 0; i < steps; i++) {
      computeGradients(manager, params);
      sgd.step(params);
    }
  }

  @Test
  void twoStepsMatchTheHandComputedUpdates() {
    try (NDManager manager = NDManager.newBaseManager();
        Sgd sgd = new Sgd(config(), manager)) {
      Map<String, Parameter> params = parameters(manager);
      train(manager, sgd, params, 1);
      // d = x + 0.01 w = (0.51, -0.98); w -= 0.1 d. The bias has no decay and 10x lr: b -= 1.0 * 2.
      assertArrayEquals(new float[] {0.949f, 2.098f}, params.get("w").getArray().toFloatArray());
      assertArrayEquals(new float[] {-1.5f}, params.get("head.b").getArray().toFloatArray());
      train(manager, sgd, params, 1);
      // buf = 0.9 (0.51, -0.98) + (0.50949, -0.97902); bias buf = 0.9 * 2 + 2 = 3.8.
      assertArrayEquals(
          new float[] {0.852151f, 2.284102f}, params.get("w").getArray().toFloatArray(), 1e-6f);
      assertArrayEquals(new float[] {-5.3f}, params.get("head.b").getArray().toFloatArray(), 1e-6f);
      assertEquals(2, sgd.steps());
    }
  }

  @Test
  void savedStateResumesBitExactly() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, Parameter> straight = parameters(manager);
      try (Sgd sgd = new Sgd(config(), manager)) {
        train(manager, sgd, straight, 4);
      }
      Map<String, Parameter> resumed = parameters(manager);
      ByteArrayOutputStream state = new ByteArrayOutputStream();
      try (Sgd first = new Sgd(config(), manager)) {
        train(manager, first, resumed, 2);
        first.save(state);
      }
      try (Sgd second = new Sgd(config(), manager)) {
        second.load(new ByteArrayInputStream(state.toByteArray()));
        assertEquals(2, second.steps());
        train(manager, second, resumed, 2);
      }
      for (String name : straight.keySet()) {
        assertArrayEquals(
            straight.get(name).getArray().toFloatArray(),
            resumed.get(name).getArray().toFloatArray(),
            name);
      }
    }
  }

  @Test
  void aStateSavedBeforeTheFirstUpdateLoadsAndTrainsLikeAFreshOne() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, Parameter> fresh = parameters(manager);
      try (Sgd sgd = new Sgd(config(), manager)) {
        train(manager, sgd, fresh, 2);
      }
      Map<String, Parameter> restored = parameters(manager);
      ByteArrayOutputStream state = new ByteArrayOutputStream();
      try (Sgd unused = new Sgd(config(), manager)) {
        unused.save(state);
      }
      assertEquals(Long.BYTES, state.size());
      try (Sgd sgd = new Sgd(config(), manager)) {
        sgd.load(new ByteArrayInputStream(state.toByteArray()));
        assertEquals(0, sgd.steps());
        train(manager, sgd, restored, 2);
      }
      for (String name : fresh.keySet()) {
        assertArrayEquals(
            fresh.get(name).getArray().toFloatArray(),
            restored.get(name).getArray().toFloatArray(),
            name);
      }
    }
  }

  @Test
  void stepDecayFollowsCaffesStepPolicy() {
    LrSchedule schedule = new LrSchedule(0.1, 0.5, 2);
    assertEquals(0.1, schedule.at(0));
    assertEquals(0.1, schedule.at(1));
    assertEquals(0.05, schedule.at(2));
    assertEquals(0.025, schedule.at(5));
  }
}
