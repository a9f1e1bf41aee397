package org.rll.activities.results;

import java.util.ArrayList;
import java.util.List;
import org.rll.core.evaluate.EvaluationReport;
import org.rll.core.evaluate.HeadScores;
import org.rll.db.MetricRow;

/**
 * An {@link EvaluationReport} as rows of the results table. Per head, in report order: {@code
 * recall} at each K (k = K), then {@code map_at_r} and {@code nmi} (k = 0); values are fractions in
 * [0, 1], as the report holds them.
 *
 * <p>A MAP@R that is NaN (no gallery class has two images) gets no row: the table holds finite
 * values only, and a missing row reads as "not defined" where a 0 would read as a score.
 */
public final class MetricRows {
  /** Recall@K; k is K. */
  public static final String RECALL = "recall";

  /** MAP@R (Musgrave et al. 2020); k is 0. */
  public static final String MAP_AT_R = "map_at_r";

  /** NMI of k-means with one cluster per class; k is 0. */
  public static final String NMI = "nmi";

  private MetricRows() {}

  /** The rows of {@code report} for checkpoint {@code checkpointIteration} of run {@code runId}. */
  public static List<MetricRow> of(
      String runId, long checkpointIteration, EvaluationReport report) {
    List<MetricRow> rows = new ArrayList<>();
    for (HeadScores head : report.heads()) {
      head.recallAtK()
          .forEach(
              (k, recall) ->
                  rows.add(
                      new MetricRow(runId, checkpointIteration, head.head(), RECALL, k, recall)));
      if (!Double.isNaN(head.mapAtR())) {
        rows.add(
            new MetricRow(runId, checkpointIteration, head.head(), MAP_AT_R, 0, head.mapAtR()));
      }
      rows.add(new MetricRow(runId, checkpointIteration, head.head(), NMI, 0, head.nmi()));
    }
    return List.copyOf(rows);
  }
}
