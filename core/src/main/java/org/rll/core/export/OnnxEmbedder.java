package org.rll.core.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rll.core.embed.Embedder;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/**
 * Runs an exported model with ONNX Runtime on the CPU. Outputs are labelled by their levels: {@code
 * embedding_H} is {@code H}, {@code embedding_L_M_H} is {@code L,M,H}. Not thread-safe; close it to
 * free the native session.
 */
public final class OnnxEmbedder implements Embedder {
  private final OrtSession session;
  private final String input;
  private final List<String> outputs;

  private OnnxEmbedder(OrtSession session) {
    this.session = session;
    this.input = session.getInputNames().iterator().next();
    this.outputs = List.copyOf(session.getOutputNames());
  }

  /** Opens a model held in memory. */
  public static OnnxEmbedder open(byte[] model) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      return new OnnxEmbedder(OrtEnvironment.getEnvironment().createSession(model, options));
    } catch (OrtException e) {
      throw new CorruptDataException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
    }
  }

  /** Opens a model file. */
  public static OnnxEmbedder open(Path model) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      return new OnnxEmbedder(
          OrtEnvironment.getEnvironment().createSession(model.toString(), options));
    } catch (OrtException e) {
      throw new CorruptDataException(
          "ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> outputNames() {
    return outputs.stream().map(OutputNames::label).toList();
  }

  /** The model's own output names, such as {@code embedding_H}, in {@link #outputNames()} order. */
  public List<String> graphOutputNames() {
    return outputs;
  }

  /** The model's {@code metadata_props}. */
  public Map<String, String> metadata() {
    try {
      return session.getMetadata().getCustomMetadata();
    } catch (OrtException e) {
      throw new CorruptDataException("cannot read the ONNX model's metadata", e);
    }
  }

  @Override
  public float[][] embed(float[] values, long[] shape) {
    ValidationException.check(
        shape.length == 4 && shape[0] >= 1,
        "input shape must be (N, C, H, W) with N >= 1, got %s",
        Arrays.toString(shape));
    ValidationException.check(
        Arrays.stream(shape).reduce(1, Math::multiplyExact) == values.length,
        "input shape %s needs %d values, got %d",
        Arrays.toString(shape),
        Arrays.stream(shape).reduce(1, Math::multiplyExact),
        values.length);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      List<float[]> matrices = new ArrayList<>(outputs.size());
      for (String output : outputs) {
        OnnxTensor value = (OnnxTensor) result.get(output).orElseThrow();
        FloatBuffer buffer = value.getFloatBuffer();
        float[] matrix = new float[buffer.remaining()];
        buffer.get(matrix);
        matrices.add(matrix);
      }
      return matrices.toArray(float[][]::new);
    } catch (OrtException e) {
      throw new ValidationException(
          String.format(
              "ONNX Runtime cannot run a batch of shape %s: %s",
              Arrays.toString(shape), e.getMessage()));
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session", e);
    }
  }
}
