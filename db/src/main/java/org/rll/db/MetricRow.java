package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

/**
 * One evaluation figure, as stored in {@code metrics}: a metric of one embedding head (such as
 * {@code L}, {@code M}, {@code H} or {@code L,M,H}) at one checkpoint.
 *
 * @param k the K of Recall@K; 0 for metrics that have no K (NMI, MAP@R), since the key column
 *     cannot hold NULL
 */
public record MetricRow(
    String runId, long checkpointIteration, String head, String metric, int k, double value) {

  public MetricRow {
    check(runId != null && !runId.isBlank(), "run id must not be blank, got '%s'", runId);
    check(
        checkpointIteration >= 0,
        "run %s: checkpoint iteration must be >= 0, got %s",
        runId,
        checkpointIteration);
    check(head != null && !head.isBlank(), "run %s: head must not be blank, got '%s'", runId, head);
    check(
        metric != null && !metric.isBlank(),
        "run %s: metric must not be blank, got '%s'",
        runId,
        metric);
    check(k >= 0, "run %s metric %s: k must be >= 0 (0 for no K), got %s", runId, metric, k);
    check(
        Double.isFinite(value),
        "run %s metric %s@%s: value must be finite, got %s",
        runId,
        metric,
        k,
        value);
  }
}
