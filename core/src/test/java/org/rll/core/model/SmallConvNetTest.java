package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class SmallConvNetTest {

  @Test
  void parametersCarryPyTorchNamesAndSizes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model =
          new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("H"), 128);
      model.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
      Map<String, Parameter> names = ParameterNames.of(model);
      assertEquals(
          List.of(
              "conv1.weight",
              "bn1.weight",
              "bn1.bias",
              "bn1.running_mean",
              "bn1.running_var",
              "conv2.weight",
              "bn2.weight",
              "bn2.bias",
              "bn2.running_mean",
              "bn2.running_var",
              "conv3.weight",
              "bn3.weight",
              "bn3.bias",
              "bn3.running_mean",
              "bn3.running_var",
              "embed_H.weight",
              "embed_H.bias"),
          List.copyOf(names.keySet()));
      long trainable =
          names.values().stream()
              .filter(Parameter::requiresGradient)
              .mapToLong(p -> p.getArray().size())
              .sum();
      // 288 + 64 + 18,432 + 128 + 73,728 + 256 + 128 x 128 + 128
      assertEquals(109_408, trainable);
      assertEquals(new Shape(128, 64, 3, 3), names.get("conv3.weight").getArray().getShape());
    }
  }

  @Test
  void everyChosenHeadGivesUnitLengthEmbeddings() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model =
          new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("L", "H"), 16);
      model.initialize(manager, DataType.FLOAT32, new Shape(3, 1, 28, 28));
      NDArray images = manager.randomUniform(0, 1, new Shape(3, 1, 28, 28));
      NDList out = model.forward(new ParameterStore(manager, false), new NDList(images), false);
      assertEquals(2, out.size());
      for (NDArray embedding : out) {
        assertEquals(new Shape(3, 16), embedding.getShape());
        float[] norms = embedding.square().sum(new int[] {1}).toFloatArray();
        for (float norm : norms) {
          assertEquals(1f, norm, 1e-5f);
        }
      }
    }
  }

  @Test
  void anUnknownHeadLevelIsRefusedByName() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("X"), 8));
    assertEquals("unknown head level 'X'; this backbone has [L, M, H]", e.getMessage());
  }
}
