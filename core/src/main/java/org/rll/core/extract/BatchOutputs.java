package org.rll.core.extract;

import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageBatch;

/** Checks of what an embedder returns for one batch. */
final class BatchOutputs {
  private BatchOutputs() {}

  /** The dim of each named output, read from the first batch's {@code rows}. */
  static List<EmbeddingIndex.OutputDim> dims(List<String> names, float[][] rows, int batchRows) {
    List<EmbeddingIndex.OutputDim> dims = new ArrayList<>();
    for (int o = 0; o < Math.min(rows.length, names.size()); o++) {
      ValidationException.check(
          rows[o].length > 0 && rows[o].length % batchRows == 0,
          "output %s: %d values do not make %d rows",
          names.get(o),
          rows[o].length,
          batchRows);
      dims.add(new EmbeddingIndex.OutputDim(names.get(o), rows[o].length / batchRows));
    }
    return List.copyOf(dims);
  }

  /** Checks that {@code rows} holds one matrix of {@code batch.size()} rows per output. */
  static void check(float[][] rows, ImageBatch batch, List<EmbeddingIndex.OutputDim> outputs) {
    ValidationException.check(
        rows.length == outputs.size(),
        "batch %d: the embedder returned %d outputs, expected %d",
        batch.iteration(),
        rows.length,
        outputs.size());
    for (int o = 0; o < rows.length; o++) {
      EmbeddingIndex.OutputDim output = outputs.get(o);
      ValidationException.check(
          rows[o].length == (long) batch.size() * output.dim(),
          "batch %d output %s: expected %d x %d values, got %d",
          batch.iteration(),
          output.name(),
          batch.size(),
          output.dim(),
          rows[o].length);
    }
  }
}
