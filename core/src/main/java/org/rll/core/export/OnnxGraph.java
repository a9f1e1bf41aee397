package org.rll.core.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction: float32 tensors only, values named {@code t<n>} in creation
 * order, so the same network always gives the same bytes.
 */
final class OnnxGraph {
  /** The operator set the graph uses; ONNX Runtime 1.18 supports it fully. */
  static final int OPSET = 13;

  /** The IR version that goes with {@link #OPSET} (ONNX 1.8). */
  static final long IR_VERSION = 7;

  /** The batch dimension's symbolic name. */
  static final String BATCH = "N";

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("rll");
  private int values;

  /** Declares a float input of shape (N, dims...). */
  void input(String name, long... dims) {
    graph.addInput(valueInfo(name, dims));
  }

  /** Declares a float output of shape (N, dims...). */
  void output(String name, long... dims) {
    graph.addOutput(valueInfo(name, dims));
  }

  /** Adds a constant float tensor and returns its name. */
  String constant(float[] data, long... dims) {
    ByteBuffer bytes =
        ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(data);
    String name = fresh();
    graph.addInitializer(
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT_VALUE)
            .addAllDims(Arrays.stream(dims).boxed().toList())
            .setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  /** Adds a node with one output, named freshly, and returns that name. */
  String node(String op, List<String> inputs, AttributeProto... attributes) {
    return node(op, fresh(), inputs, attributes);
  }

  /** Adds a node whose one output is {@code output}, such as a graph output. */
  String node(String op, String output, List<String> inputs, AttributeProto... attributes) {
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType(op)
            .setName(op + "_" + graph.getNodeCount())
            .addAllInput(inputs)
            .addOutput(output)
            .addAllAttribute(List.of(attributes)));
    return output;
  }

  /** The finished model, stamped with {@code producerVersion}; no metadata yet. */
  ModelProto model(String producerVersion) {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("rll")
        .setProducerVersion(producerVersion)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  /** {@code model} with {@code metadata} as its only metadata properties, in that order. */
  static ModelProto withMetadata(ModelProto model, Map<String, String> metadata) {
    ModelProto.Builder stamped = model.toBuilder().clearMetadataProps();
    metadata.forEach(
        (key, value) ->
            stamped.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return stamped.build();
  }

  static AttributeProto ints(String name, long... values) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeType.INTS)
        .addAllInts(Arrays.stream(values).boxed().toList())
        .build();
  }

  static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
  }

  private String fresh() {
    return "t" + values++;
  }

  private static ValueInfoProto valueInfo(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDimBuilder().setDimParam(BATCH);
    for (long dim : dims) {
      shape.addDimBuilder().setDimValue(dim);
    }
    return floatTensor(name, shape);
  }

  /** A float32 value of {@code shape}, for a graph's inputs and outputs. */
  static ValueInfoProto floatTensor(String name, TensorShapeProto.Builder shape) {
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
        .build();
  }
}
