package org.rll.core.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * A float32 matrix product on ONNX Runtime's CPU kernels, with its right-hand side held once: the
 * ONNX model is one {@code MatMul} of inputs {@code a} (m x k) and {@code b} (k x n), both of
 * symbolic shape, built in memory. Each product's result is copied into an {@link NDArray}.
 */
public final class OrtMatMul implements AutoCloseable {
  private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

  private final OrtSession session;
  private final OnnxTensor right;
  private final long columns;

  /** Holds {@code right} (k x n, float32, row-major) for every later product. */
  public OrtMatMul(float[] right, long k, long n) {
    this.columns = n;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
      this.session = ENVIRONMENT.createSession(model().toByteArray(), options);
      this.right = OnnxTensor.createTensor(ENVIRONMENT, direct(right), new long[] {k, n});
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot set up a MatMul: " + e.getMessage(), e);
    }
  }

  /**
   * {@code left} (m x k, float32, row-major) times the held matrix, as an m x n array in {@code
   * manager}.
   */
  public NDArray multiply(NDManager manager, float[] left, long m) {
    long k = left.length / m;
    try (OnnxTensor a = OnnxTensor.createTensor(ENVIRONMENT, direct(left), new long[] {m, k});
        OrtSession.Result result = session.run(Map.of("a", a, "b", right))) {
      FloatBuffer product = ((OnnxTensor) result.get(0)).getFloatBuffer();
      return manager.create(product, new Shape(m, columns));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime's MatMul failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    right.close();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the MatMul session: " + e.getMessage(), e);
    }
  }

  private static FloatBuffer direct(float[] values) {
    FloatBuffer buffer =
        ByteBuffer.allocateDirect(values.length * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    buffer.put(values).rewind();
    return buffer;
  }

  private static ModelProto model() {
    GraphProto graph =
        GraphProto.newBuilder()
            .setName("matmul")
            .addNode(
                NodeProto.newBuilder()
                    .setOpType("MatMul")
                    .addInput("a")
                    .addInput("b")
                    .addOutput("c"))
            .addInput(matrix("a", "m", "k"))
            .addInput(matrix("b", "k", "n"))
            .addOutput(matrix("c", "m", "n"))
            .build();
    return ModelProto.newBuilder()
        .setIrVersion(OnnxGraph.IR_VERSION)
        .setProducerName("rll")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxGraph.OPSET))
        .setGraph(graph)
        .build();
  }

  private static ValueInfoProto matrix(String name, String rows, String columns) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDimBuilder().setDimParam(rows);
    shape.addDimBuilder().setDimParam(columns);
    return OnnxGraph.floatTensor(name, shape);
  }
}
