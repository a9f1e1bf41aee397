package org.rll.core.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.ValidationException;

/**
 * How closely ONNX Runtime reproduced the DJL model on one batch: the largest absolute difference
 * of each output, in output order.
 *
 * @param batchSize images in the batch compared
 * @param tolerance the largest difference allowed
 * @param maxAbsDiff per output name, the largest absolute difference over every value (NaN where
 *     either side produced a NaN)
 */
public record ParityReport(int batchSize, double tolerance, Map<String, Double> maxAbsDiff) {
  public ParityReport {
    ValidationException.check(batchSize >= 1, "parity batch must be >= 1, got %d", batchSize);
    ValidationException.check(!maxAbsDiff.isEmpty(), "parity report needs at least one output");
    maxAbsDiff = Collections.unmodifiableMap(new LinkedHashMap<>(maxAbsDiff));
  }

  /** The largest difference over all outputs (NaN if any is NaN). */
  public double worst() {
    return maxAbsDiff.values().stream().reduce(0.0, (a, b) -> a.isNaN() || a >= b ? a : b);
  }

  /** Whether every output is within the tolerance. */
  public boolean passed() {
    return maxAbsDiff.values().stream().allMatch(diff -> diff <= tolerance);
  }

  /** Throws an {@link ExportCheckException} naming the first output beyond the tolerance. */
  void requirePassed() {
    maxAbsDiff.forEach(
        (output, diff) -> {
          if (!(diff <= tolerance)) {
            throw new ExportCheckException(
                String.format(
                    Locale.ROOT,
                    "ONNX output %s differs from the DJL model by %.3g (max abs) on a batch of %d;"
                        + " the tolerance is %.3g",
                    output,
                    diff,
                    batchSize,
                    tolerance));
          }
        });
  }
}
