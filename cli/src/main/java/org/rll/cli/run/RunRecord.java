package org.rll.cli.run;

import java.util.List;
import java.util.Optional;
import org.rll.db.CheckpointRow;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.TrainingLogRow;

/**
 * What the results database holds of one run, as {@code rll status} shows it.
 *
 * @param newestCheckpoint the checkpoint of the highest iteration, if any
 * @param lastLogged the training log's last iteration, if any
 * @param latestMetrics every metric of the latest evaluated checkpoint; empty when none was
 */
record RunRecord(
    RunRow run,
    Optional<CheckpointRow> newestCheckpoint,
    Optional<TrainingLogRow> lastLogged,
    List<MetricRow> latestMetrics) {

  /** The run's record, if the database has its row. */
  static Optional<RunRecord> read(ResultsRepository results, String runId) {
    return results
        .run(runId)
        .map(
            run ->
                new RunRecord(
                    run,
                    last(results.checkpoints(runId)),
                    last(results.trainingLog(runId)),
                    latest(results.metrics(runId))));
  }

  /** The iteration of {@link #latestMetrics()}, if there are any. */
  Optional<Long> metricsIteration() {
    return latestMetrics.stream().findFirst().map(MetricRow::checkpointIteration);
  }

  private static <T> Optional<T> last(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
  }

  private static List<MetricRow> latest(List<MetricRow> metrics) {
    long newest =
        metrics.stream().mapToLong(MetricRow::checkpointIteration).max().orElse(Long.MIN_VALUE);
    return metrics.stream().filter(m -> m.checkpointIteration() == newest).toList();
  }
}
