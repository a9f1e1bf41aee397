package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rll.core.model.Backbone;
import org.rll.core.model.ModelConfig;

class ExportMetadataTest {

  @Test
  void theFileDescribesItselfToOnnxRuntimeAndToAProtobufReader()
      throws InvalidProtocolBufferException {
    ModelConfig config = new ModelConfig(Backbone.SMALL_CONV, List.of("M", "H"), 8);
    long[] batch = {2, 1, 28, 28};
    byte[] bytes;
    ParityReport parity;
    try (NDManager manager = NDManager.newBaseManager()) {
      OnnxExport export =
          OnnxExporter.export(
              ExportFixtures.model(manager, config, 28, 21),
              ExportFixtures.spec(config, 28).build(),
              ExportFixtures.images(new SplittableRandom(22), batch),
              batch);
      bytes = export.bytes();
      parity = export.parity();
    }

    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("backbone", "small-conv"),
            Map.entry("heads", "M,H"),
            Map.entry("embedding_dim", "8"),
            Map.entry("input_name", "images"),
            Map.entry("input_layout", "NCHW"),
            Map.entry("input_channels", "1"),
            Map.entry("input_height", "28"),
            Map.entry("input_width", "28"),
            Map.entry("resize_width", "28"),
            Map.entry("resize_height", "28"),
            Map.entry("channel_order", "RGB"),
            Map.entry("pixel_scale", Double.toString(1 / 255.0)),
            Map.entry("mean", "0.286"),
            Map.entry("std", "0.353"),
            Map.entry("outputs", "embedding_M,embedding_H,embedding_M_H"),
            Map.entry("output_labels", "M;H;M,H"),
            Map.entry("run_id", "run-7"),
            Map.entry("checkpoint_iteration", "1200"),
            Map.entry("config_hash", ExportFixtures.CONFIG_HASH),
            Map.entry("rll_version", "1.2.3"),
            Map.entry("opset", "13"),
            Map.entry("parity_batch", "2"),
            Map.entry("parity_tolerance", "1.0E-4"),
            Map.entry(
                "parity_max_abs_diff.embedding_M",
                Double.toString(parity.maxAbsDiff().get("embedding_M"))),
            Map.entry(
                "parity_max_abs_diff.embedding_H",
                Double.toString(parity.maxAbsDiff().get("embedding_H"))),
            Map.entry(
                "parity_max_abs_diff.embedding_M_H",
                Double.toString(parity.maxAbsDiff().get("embedding_M_H"))));
    try (OnnxEmbedder onnx = OnnxEmbedder.open(bytes)) {
      assertEquals(expected, onnx.metadata());
      assertEquals(List.of("M", "H", "M,H"), onnx.outputNames());
    }

    ModelProto proto = ModelProto.parseFrom(bytes);
    assertEquals("rll", proto.getProducerName());
    assertEquals("1.2.3", proto.getProducerVersion());
    assertEquals(7, proto.getIrVersion());
    assertEquals(13, proto.getOpsetImport(0).getVersion());
    assertEquals(expected.size(), proto.getMetadataPropsCount());
    List<Dimension> input =
        proto.getGraph().getInput(0).getType().getTensorType().getShape().getDimList();
    assertEquals("N", input.get(0).getDimParam());
    assertEquals(
        List.of(1L, 28L, 28L), input.subList(1, 4).stream().map(Dimension::getDimValue).toList());
    List<Dimension> joined =
        proto.getGraph().getOutput(2).getType().getTensorType().getShape().getDimList();
    assertEquals("N", joined.get(0).getDimParam());
    assertEquals(16, joined.get(1).getDimValue());
    assertTrue(
        proto.getGraph().getNodeList().stream()
            .noneMatch(n -> n.getOpType().equals("BatchNormalization")),
        "every BatchNorm is folded");
  }
}
