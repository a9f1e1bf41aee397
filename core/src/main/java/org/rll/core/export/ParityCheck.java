package org.rll.core.export;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rll.core.embed.Embedder;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.model.EmbeddingModel;

/**
 * Compares an exported model with the DJL model it came from on one batch: the DJL model runs in
 * inference mode, and the concatenated output is compared with the concatenation of DJL's heads.
 */
final class ParityCheck {
  private ParityCheck() {}

  /**
   * @param model the DJL model
   * @param onnx the exported model, outputs named {@code outputs}: the heads, then their
   *     concatenation if several
   * @param images the batch, float NCHW
   * @param shape (N, C, H, W)
   * @param tolerance the largest absolute difference allowed
   */
  static ParityReport compare(
      EmbeddingModel model,
      Embedder onnx,
      List<String> outputs,
      float[] images,
      long[] shape,
      double tolerance) {
    List<float[]> expected = reference(model, images, shape);
    float[][] actual = onnx.embed(images, shape);
    if (actual.length != expected.size()) {
      throw new ExportCheckException(
          String.format(
              "the ONNX model has %d outputs %s, the DJL model %d",
              actual.length, outputs, expected.size()));
    }
    Map<String, Double> diffs = new LinkedHashMap<>();
    for (int o = 0; o < actual.length; o++) {
      diffs.put(outputs.get(o), maxAbsDiff(outputs.get(o), expected.get(o), actual[o]));
    }
    return new ParityReport((int) shape[0], tolerance, diffs);
  }

  /** The DJL model's heads, then their row-wise concatenation if several. */
  private static List<float[]> reference(EmbeddingModel model, float[] images, long[] shape) {
    List<float[]> heads = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray input = manager.create(images, new Shape(shape));
      NDList out = model.forward(new ParameterStore(manager, false), new NDList(input), false);
      out.forEach(head -> heads.add(head.toFloatArray()));
    }
    if (heads.size() > 1) {
      heads.add(concatenateRows(heads, (int) shape[0]));
    }
    return heads;
  }

  private static float[] concatenateRows(List<float[]> matrices, int rows) {
    int width = matrices.stream().mapToInt(m -> m.length / rows).sum();
    float[] joined = new float[rows * width];
    int offset = 0;
    for (float[] matrix : matrices) {
      int cols = matrix.length / rows;
      for (int r = 0; r < rows; r++) {
        System.arraycopy(matrix, r * cols, joined, r * width + offset, cols);
      }
      offset += cols;
    }
    return joined;
  }

  private static double maxAbsDiff(String output, float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      throw new ExportCheckException(
          String.format(
              "ONNX output %s has %d values, the DJL model's %d",
              output, actual.length, expected.length));
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs((double) expected[i] - actual[i]);
      if (Double.isNaN(diff)) {
        return Double.NaN;
      }
      worst = Math.max(worst, diff);
    }
    return worst;
  }
}
