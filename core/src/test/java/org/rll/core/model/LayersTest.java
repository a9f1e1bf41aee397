package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LayersTest {

  @Test
  void batchNormRunningStatisticsMoveAsPyTorchsDo() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block bn = Layers.batchNorm();
      Shape shape = new Shape(4, 1, 1, 1);
      bn.initialize(manager, DataType.FLOAT32, shape);
      NDList input = new NDList(manager.create(new float[] {1, 2, 3, 6}, shape));
      bn.forward(new ParameterStore(manager, false), input, true);
      // PyTorch, momentum 0.1: mean 0 -> 0.1 * 3; var 1 -> 0.9 + 0.1 * 14/3 (unbiased).
      var params = ParameterNames.of(bn);
      assertArrayEquals(
          new float[] {0.3f}, params.get("running_mean").getArray().toFloatArray(), 1e-6f);
      assertArrayEquals(
          new float[] {0.9f + 0.1f * 14f / 3f},
          params.get("running_var").getArray().toFloatArray(),
          1e-6f);
    }
  }
}
