package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.rll.core.model.Layers;

class BatchNormFoldingTest {

  @Test
  void foldsScaleAndShiftPerOutputChannel() {
    // eps 0: channel 0 scales by 0.5 / sqrt(4) = 0.25, channel 1 by 2 / sqrt(0.25) = 4.
    BatchNormFolding.Folded folded =
        BatchNormFolding.fold(
            new float[] {2, 1, -1, 3},
            null,
            new float[] {0.5f, 2},
            new float[] {0.1f, -0.3f},
            new float[] {1, -2},
            new float[] {4, 0.25f},
            0);
    assertArrayEquals(new float[] {0.5f, 0.25f, -4, 12}, folded.weight());
    // (0 - 1) * 0.25 + 0.1 and (0 + 2) * 4 - 0.3
    assertArrayEquals(new float[] {-0.15f, 7.7f}, folded.bias(), 1e-7f);
  }

  @Test
  void keepsTheConvolutionsOwnBias() {
    BatchNormFolding.Folded folded =
        BatchNormFolding.fold(
            new float[] {2, -1},
            new float[] {1, 0.5f},
            new float[] {0.5f, 2},
            new float[] {0.1f, -0.3f},
            new float[] {1, -2},
            new float[] {4, 0.25f},
            0);
    assertArrayEquals(new float[] {0.5f, -4}, folded.weight());
    // (1 - 1) * 0.25 + 0.1 and (0.5 + 2) * 4 - 0.3
    assertArrayEquals(new float[] {0.1f, 9.7f}, folded.bias(), 1e-6f);
  }

  @Test
  void rejectsStatisticsOfAnotherWidth() {
    float[] two = {1, 1};
    assertThrows(
        IllegalArgumentException.class,
        () -> BatchNormFolding.fold(new float[3], null, two, two, two, two, 1e-5));
  }

  @Test
  void foldedConvolutionEqualsDjlConvolutionThenInferenceBatchNorm() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Shape inputShape = new Shape(1, 2, 3, 3);
      Conv2d conv =
          Conv2d.builder()
              .setKernelShape(new Shape(3, 3))
              .optPadding(new Shape(1, 1))
              .setFilters(2)
              .build();
      BatchNorm norm = BatchNorm.builder().optEpsilon(Layers.BATCH_NORM_EPSILON).build();
      conv.initialize(manager, DataType.FLOAT32, inputShape);
      norm.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 3, 3));
      NDArray weight = manager.arange(36f).reshape(2, 2, 3, 3).sub(17).div(10);
      NDArray bias = manager.create(new float[] {0.2f, -0.4f});
      float[] gamma = {1.5f, -0.5f};
      float[] beta = {0.25f, 1};
      float[] mean = {0.3f, -1.2f};
      float[] variance = {2.5f, 0.04f};
      conv.getDirectParameters().get("weight").getArray().set(weight.toFloatArray());
      conv.getDirectParameters().get("bias").getArray().set(bias.toFloatArray());
      norm.getDirectParameters().get("gamma").getArray().set(gamma);
      norm.getDirectParameters().get("beta").getArray().set(beta);
      norm.getDirectParameters().get("runningMean").getArray().set(mean);
      norm.getDirectParameters().get("runningVar").getArray().set(variance);
      NDArray input = manager.arange(18f).reshape(inputShape).mul(0.3f).sub(2);
      ParameterStore store = new ParameterStore(manager, false);
      NDList reference = norm.forward(store, conv.forward(store, new NDList(input), false), false);

      BatchNormFolding.Folded folded =
          BatchNormFolding.fold(
              weight.toFloatArray(),
              bias.toFloatArray(),
              gamma,
              beta,
              mean,
              variance,
              Layers.BATCH_NORM_EPSILON);
      NDArray once =
          Conv2d.conv2d(
                  input,
                  manager.create(folded.weight(), weight.getShape()),
                  manager.create(folded.bias()),
                  new Shape(1, 1),
                  new Shape(1, 1))
              .singletonOrThrow();
      assertArrayEquals(reference.singletonOrThrow().toFloatArray(), once.toFloatArray(), 1e-5f);
    }
  }
}
