package org.rll.core.export;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.EmbeddingModel;

/**
 * Exports a trained {@link EmbeddingModel} to ONNX (opset 13, input {@code images} of shape (N, C,
 * H, W) with a symbolic batch, outputs {@code embedding_<level>} per head and {@code
 * embedding_L_M_H} for the concatenation) and checks it: ONNX Runtime runs the caller's batch of
 * images and every output must match the DJL model in inference mode within the spec's tolerance.
 * The metadata ({@link ExportMetadata}) records the spec and the check's figures.
 */
public final class OnnxExporter {
  private OnnxExporter() {}

  /**
   * Exports and checks {@code model}.
   *
   * @param model the trained model, its BatchNorm running statistics as they should be served
   * @param spec what the model is and what its file records
   * @param images a batch of preprocessed images, float NCHW, as the spec's transform makes them
   * @param shape (N, C, H, W), the spec's input size
   * @return the checked model, not yet written anywhere
   * @throws ExportCheckException if ONNX Runtime's outputs differ beyond the tolerance
   * @throws ValidationException if the model, spec and batch do not fit together
   */
  public static OnnxExport export(
      EmbeddingModel model, ExportSpec spec, float[] images, long[] shape) {
    validate(model, spec, images, shape);
    List<String> outputs = ModelTranslator.outputs(model.heads());
    Map<String, String> metadata = new LinkedHashMap<>(ExportMetadata.describe(spec, outputs));
    ModelProto proto =
        OnnxGraph.withMetadata(
            ModelTranslator.translate(model, (int) shape[1], (int) shape[2], (int) shape[3])
                .model(spec.softwareVersion()),
            metadata);
    ParityReport parity;
    try (OnnxEmbedder onnx = OnnxEmbedder.open(proto.toByteArray())) {
      if (!onnx.graphOutputNames().equals(outputs)) {
        throw new ExportCheckException(
            "ONNX Runtime reports outputs " + onnx.graphOutputNames() + ", expected " + outputs);
      }
      parity = ParityCheck.compare(model, onnx, outputs, images, shape, spec.tolerance());
    }
    parity.requirePassed();
    metadata.putAll(ExportMetadata.parity(parity));
    return new OnnxExport(OnnxGraph.withMetadata(proto, metadata).toByteArray(), parity);
  }

  private static void validate(
      EmbeddingModel model, ExportSpec spec, float[] images, long[] shape) {
    ValidationException.check(
        model.heads().equals(spec.model().heads()) && model.dim() == spec.model().embeddingDim(),
        "the model has heads %s of %d units, the spec says %s",
        model.heads(),
        model.dim(),
        spec.model());
    long[] expected = {
      shape.length > 0 ? shape[0] : 0,
      spec.transform().channels(),
      spec.transform().cropHeight(),
      spec.transform().cropWidth()
    };
    ValidationException.check(
        shape.length == 4 && shape[0] >= 1 && Arrays.equals(shape, expected),
        "the check batch must have shape (N >= 1, %d, %d, %d), got %s",
        expected[1],
        expected[2],
        expected[3],
        Arrays.toString(shape));
    ValidationException.check(
        images.length == shape[0] * shape[1] * shape[2] * shape[3],
        "the check batch of shape %s needs %d values, got %d",
        Arrays.toString(shape),
        shape[0] * shape[1] * shape[2] * shape[3],
        images.length);
  }
}
