package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.rll.workflows.RunStatus;

/**
 * Writes and reads the pipeline's results and its sweeps. Every write is an upsert on the row's
 * natural key, so a retried activity or a reset workflow writes the same rows again without
 * duplicating them; the latest values win. Failures leave as {@link
 * org.rll.core.exceptions.TransientStorageException} (retry) or as a permanent {@link
 * org.rll.core.exceptions.RllException}.
 */
public final class ResultsRepository {

  private static final String UPSERT_RUN =
      """
      INSERT INTO runs
          (run_id, workflow_id, dataset, spec, config_hash, status, created_at, updated_at)
      VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)
      ON CONFLICT (run_id) DO UPDATE SET
          workflow_id = excluded.workflow_id, dataset = excluded.dataset, spec = excluded.spec,
          config_hash = excluded.config_hash, status = excluded.status,
          updated_at = excluded.updated_at
      """;
  private static final String UPDATE_STATUS =
      "UPDATE runs SET status = ?, updated_at = ? WHERE run_id = ?";
  private static final String UPSERT_CHECKPOINT =
      """
      INSERT INTO checkpoints (run_id, iteration, blob_key, config_hash, created_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (run_id, iteration) DO UPDATE SET
          blob_key = excluded.blob_key, config_hash = excluded.config_hash,
          created_at = excluded.created_at
      """;
  private static final String UPSERT_TRAINING_LOG =
      """
      INSERT INTO training_log
          (run_id, iteration, loss, mined_positives, mined_negatives, lr, images_per_second)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, iteration) DO UPDATE SET
          loss = excluded.loss, mined_positives = excluded.mined_positives,
          mined_negatives = excluded.mined_negatives, lr = excluded.lr,
          images_per_second = excluded.images_per_second
      """;
  private static final String UPSERT_METRIC =
      """
      INSERT INTO metrics (run_id, checkpoint_iteration, head, metric, k, value)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, checkpoint_iteration, head, metric, k) DO UPDATE SET
          value = excluded.value
      """;
  private static final String SELECT_RUNS =
      "SELECT run_id, workflow_id, dataset, spec::text AS spec, config_hash, status, created_at,"
          + " updated_at FROM runs ";

  /** Binds dataset (twice) and run ids (twice), as {@link #selectionParams} gives them. */
  private static final String SELECTED =
      " WHERE (?::text IS NULL OR r.dataset = ?)"
          + " AND (cardinality(?::text[]) = 0 OR r.run_id = ANY(?::text[]))";

  private static final String SELECT_SELECTED_RUNS =
      SELECT_RUNS + "r" + SELECTED + " ORDER BY r.created_at, r.run_id";
  private static final String SELECT_CHECKPOINTS =
      "SELECT run_id, iteration, blob_key, config_hash, created_at FROM checkpoints"
          + " WHERE run_id = ? ORDER BY iteration";
  private static final String SELECT_TRAINING_LOG =
      "SELECT run_id, iteration, loss, mined_positives, mined_negatives, lr, images_per_second"
          + " FROM training_log WHERE run_id = ? ORDER BY iteration";
  private static final String SELECT_SELECTED_METRICS =
      "SELECT m.run_id, m.checkpoint_iteration, m.head, m.metric, m.k, m.value"
          + " FROM metrics m JOIN runs r ON r.run_id = m.run_id"
          + SELECTED
          + " ORDER BY m.run_id, m.checkpoint_iteration, m.head, m.metric, m.k";

  private final Jdbc jdbc;

  /** A repository on a database already migrated by {@link ResultsDatabase#migrate}. */
  public ResultsRepository(DataSource dataSource) {
    check(dataSource != null, "data source must not be null, got %s", dataSource);
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Inserts {@code run} or replaces every value of the stored one except its creation time, which
   * stays that of the first write.
   */
  public void upsertRun(RunRow run) {
    jdbc.update(
        "upsert run " + run.runId(),
        UPSERT_RUN,
        run.runId(),
        run.workflowId(),
        run.dataset(),
        run.specJson(),
        run.configHash(),
        run.status().name(),
        run.createdAt(),
        run.updatedAt());
  }

  /** Sets the status of an existing run; a run id never stored is a permanent error. */
  public void updateStatus(String runId, RunStatus status, Instant updatedAt) {
    check(status != null && updatedAt != null, "run %s: status and time must be given", runId);
    int changed =
        jdbc.update(
            "update status of run " + runId, UPDATE_STATUS, status.name(), updatedAt, runId);
    check(changed == 1, "no run '%s' to set to %s", runId, status);
  }

  /** Records a complete checkpoint, replacing what was recorded for the same iteration. */
  public void recordCheckpoint(CheckpointRow checkpoint) {
    jdbc.update(
        "record checkpoint " + checkpoint.iteration() + " of run " + checkpoint.runId(),
        UPSERT_CHECKPOINT,
        checkpoint.runId(),
        checkpoint.iteration(),
        checkpoint.blobKey(),
        checkpoint.configHash(),
        checkpoint.createdAt());
  }

  /** Upserts {@code rows} in one batch and one transaction. */
  public void appendTrainingLog(List<TrainingLogRow> rows) {
    jdbc.batch(
        "append " + rows.size() + " training log rows",
        UPSERT_TRAINING_LOG,
        rows,
        r ->
            new Object[] {
              r.runId(),
              r.iteration(),
              r.loss(),
              r.minedPositives(),
              r.minedNegatives(),
              r.lr(),
              r.imagesPerSecond()
            });
  }

  /** Upserts {@code rows} in one batch and one transaction. */
  public void upsertMetrics(List<MetricRow> rows) {
    jdbc.batch(
        "upsert " + rows.size() + " metrics",
        UPSERT_METRIC,
        rows,
        r ->
            new Object[] {
              r.runId(), r.checkpointIteration(), r.head(), r.metric(), r.k(), r.value()
            });
  }

  /**
   * Inserts {@code sweep} or replaces its spec, axes and update time; the creation time stays that
   * of the first write.
   */
  public void upsertSweep(SweepRow sweep) {
    jdbc.update(
        "upsert sweep " + sweep.sweepId(), SweepSql.UPSERT_SWEEP, SweepSql.sweepParams(sweep));
  }

  /**
   * Upserts the child runs of sweeps in one batch and one transaction; a run of a sweep never
   * stored is a permanent error and writes nothing.
   */
  public void upsertSweepRuns(List<SweepRunRow> rows) {
    jdbc.batch(
        "upsert " + rows.size() + " sweep runs",
        SweepSql.UPSERT_SWEEP_RUN,
        rows,
        SweepSql::sweepRunParams);
  }

  /** The sweep stored under {@code sweepId}, if any. */
  public Optional<SweepRow> sweep(String sweepId) {
    return jdbc
        .query("read sweep " + sweepId, SweepSql.SELECT_SWEEP, SweepSql::sweepRow, sweepId)
        .stream()
        .findFirst();
  }

  /**
   * The child runs of sweep {@code sweepId}, by setting hash and seed; empty for an unknown sweep.
   */
  public List<SweepRunRow> sweepRuns(String sweepId) {
    return jdbc.query(
        "read runs of sweep " + sweepId,
        SweepSql.SELECT_SWEEP_RUNS,
        SweepSql::sweepRunRow,
        sweepId);
  }

  /** The run stored under {@code runId}, if any. */
  public Optional<RunRow> run(String runId) {
    return jdbc
        .query(
            "read run " + runId, SELECT_RUNS + "WHERE run_id = ?", ResultsRepository::runRow, runId)
        .stream()
        .findFirst();
  }

  /** Every run, or those of one dataset, oldest first. */
  public List<RunRow> runs(Optional<String> dataset) {
    return runs(new RunSelection(dataset, List.of()));
  }

  /** The selected runs, oldest first. */
  public List<RunRow> runs(RunSelection selection) {
    return jdbc.query(
        "read runs " + describe(selection),
        SELECT_SELECTED_RUNS,
        ResultsRepository::runRow,
        selectionParams(selection));
  }

  /** The recorded checkpoints of a run, by iteration. */
  public List<CheckpointRow> checkpoints(String runId) {
    return jdbc.query(
        "read checkpoints of run " + runId,
        SELECT_CHECKPOINTS,
        ResultsRepository::checkpointRow,
        runId);
  }

  /** The training log of a run, by iteration. */
  public List<TrainingLogRow> trainingLog(String runId) {
    return jdbc.query(
        "read training log of run " + runId,
        SELECT_TRAINING_LOG,
        ResultsRepository::trainingLogRow,
        runId);
  }

  /** The metrics of a run, by checkpoint iteration, head, metric and K. */
  public List<MetricRow> metrics(String runId) {
    return metrics(new RunSelection(Optional.empty(), List.of(runId)));
  }

  /**
   * Every metric of the selected runs in one query, by run id, checkpoint iteration, head, metric
   * and K.
   */
  public List<MetricRow> metrics(RunSelection selection) {
    return jdbc.query(
        "read metrics of runs " + describe(selection),
        SELECT_SELECTED_METRICS,
        ResultsRepository::metricRow,
        selectionParams(selection));
  }

  private static Object[] selectionParams(RunSelection selection) {
    String dataset = selection.datasetOrNull();
    String[] runIds = selection.runIdArray();
    return new Object[] {dataset, dataset, runIds, runIds};
  }

  private static String describe(RunSelection selection) {
    String ids = selection.runIds().isEmpty() ? "any" : String.join(" ", selection.runIds());
    return "(dataset " + selection.dataset().orElse("any") + ", run ids " + ids + ")";
  }

  static RunRow runRow(ResultSet r) throws SQLException {
    return new RunRow(
        r.getString("run_id"),
        r.getString("workflow_id"),
        r.getString("dataset"),
        r.getString("spec"),
        r.getString("config_hash"),
        RunStatus.valueOf(r.getString("status")),
        Jdbc.instant(r, "created_at"),
        Jdbc.instant(r, "updated_at"));
  }

  static CheckpointRow checkpointRow(ResultSet r) throws SQLException {
    return new CheckpointRow(
        r.getString("run_id"),
        r.getLong("iteration"),
        r.getString("blob_key"),
        r.getString("config_hash"),
        Jdbc.instant(r, "created_at"));
  }

  private static TrainingLogRow trainingLogRow(ResultSet r) throws SQLException {
    return new TrainingLogRow(
        r.getString("run_id"),
        r.getLong("iteration"),
        r.getDouble("loss"),
        r.getLong("mined_positives"),
        r.getLong("mined_negatives"),
        r.getDouble("lr"),
        r.getDouble("images_per_second"));
  }

  private static MetricRow metricRow(ResultSet r) throws SQLException {
    return new MetricRow(
        r.getString("run_id"),
        r.getLong("checkpoint_iteration"),
        r.getString("head"),
        r.getString("metric"),
        r.getInt("k"),
        r.getDouble("value"));
  }
}
