package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.model.Relu;
import org.rll.core.model.TappedSequence;

class ModelTranslatorTest {

  private static EmbeddingModel oneLevel(NDManager manager, Block first) {
    TappedSequence backbone =
        new TappedSequence().add("first", first).addTapped("relu", new Relu());
    EmbeddingModel model = new EmbeddingModel(backbone, List.of("X"), List.of("X"), 4);
    model.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 4, 4));
    return model;
  }

  @Test
  void demoNetBecomesFoldedConvolutionsPoolingAndOneHead() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = ModelConfig.demo().build(manager, 1);
      List<NodeProto> nodes =
          ModelTranslator.translate(model, 1, 28, 28).model("test").getGraph().getNodeList();
      Map<String, Long> ops =
          nodes.stream()
              .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
      assertEquals(
          Map.of(
              "Conv", 3L,
              "Relu", 3L,
              "MaxPool", 2L,
              "GlobalAveragePool", 1L,
              "Flatten", 1L,
              "Gemm", 1L,
              "ReduceL2", 1L,
              "Max", 1L,
              "Div", 1L),
          ops);
      assertEquals("embedding_H", nodes.get(nodes.size() - 1).getOutput(0));
    }
  }

  @Test
  void aBatchNormWithoutAConvolutionBeforeItIsRefused() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = oneLevel(manager, BatchNorm.builder().build());
      ValidationException failure =
          assertThrows(ValidationException.class, () -> ModelTranslator.translate(model, 2, 4, 4));
      assertTrue(failure.getMessage().startsWith("cannot export BatchNorm"), failure.getMessage());
    }
  }

  @Test
  void aBlockWithoutTranslationIsNamed() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = oneLevel(manager, Activation.reluBlock());
      ValidationException failure =
          assertThrows(ValidationException.class, () -> ModelTranslator.translate(model, 2, 4, 4));
      assertTrue(
          failure.getMessage().endsWith("no ONNX translation for LambdaBlock"),
          failure.getMessage());
    }
  }

  @Test
  void outputsAreTheHeadsThenTheirConcatenation() {
    assertEquals(List.of("embedding_H"), ModelTranslator.outputs(List.of("H")));
    assertEquals(
        List.of("embedding_L", "embedding_H", "embedding_L_H"),
        ModelTranslator.outputs(List.of("L", "H")));
    assertEquals("L,H", OutputNames.label("embedding_L_H"));
    assertEquals("scores", OutputNames.label("scores"));
  }
}
