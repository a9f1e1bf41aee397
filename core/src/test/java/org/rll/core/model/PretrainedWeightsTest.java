package org.rll.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.ValidationException;

class PretrainedWeightsTest {
  @TempDir Path dir;

  private static Map<String, Parameter> smallNet(NDManager manager) {
    EmbeddingModel model =
        new EmbeddingModel(SmallConvNet.backbone(), SmallConvNet.LEVELS, List.of("H"), 8);
    model.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
    return ParameterNames.of(model);
  }

  /** A file with every backbone tensor filled with its index, a classifier, and a batch counter. */
  private Path weights(NDManager manager, NDList.Encoding encoding, Shape conv1)
      throws IOException {
    NDList tensors = new NDList();
    int index = 0;
    for (Map.Entry<String, Parameter> entry : smallNet(manager).entrySet()) {
      if (!entry.getKey().startsWith("embed_")) {
        Shape shape = entry.getKey().equals("conv1.weight") ? conv1 : entry.getValue().getShape();
        tensors.add(named(manager.full(shape, (float) index++), entry.getKey()));
      }
    }
    tensors.add(named(manager.zeros(new Shape(10, 128)), "fc.weight"));
    tensors.add(named(manager.create(7L), "bn1.num_batches_tracked"));
    Path file = dir.resolve("weights." + encoding.name().toLowerCase());
    try (OutputStream out = Files.newOutputStream(file)) {
      tensors.encode(out, encoding);
    }
    return file;
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  @Test
  void safetensorsAndNpzLoadByNameAndReportWhatDidNotMatch() throws IOException {
    for (NDList.Encoding encoding : List.of(NDList.Encoding.SAFETENSORS, NDList.Encoding.NPZ)) {
      try (NDManager manager = NDManager.newBaseManager()) {
        Path file = weights(manager, encoding, new Shape(32, 1, 3, 3));
        Map<String, Parameter> target = smallNet(manager);
        NamedArrays.LoadReport report = PretrainedWeights.load(file, target);
        assertEquals(List.of("embed_H.weight", "embed_H.bias"), report.missing(), encoding.name());
        assertEquals(List.of("fc.weight"), report.unexpected(), encoding.name());
        float[] bn1Bias = target.get("bn1.bias").getArray().toFloatArray();
        float[] expected = new float[32];
        java.util.Arrays.fill(expected, 2f);
        assertArrayEquals(expected, bn1Bias, encoding.name());
      }
    }
  }

  @Test
  void aShapeMismatchNamesTheTensor() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Path file = weights(manager, NDList.Encoding.SAFETENSORS, new Shape(32, 3, 3, 3));
      ValidationException e =
          assertThrows(
              ValidationException.class, () -> PretrainedWeights.load(file, smallNet(manager)));
      assertEquals(
          "tensor 'conv1.weight' has shape (32, 3, 3, 3), the model's parameter has (32, 1, 3, 3)",
          e.getMessage());
    }
  }
}
