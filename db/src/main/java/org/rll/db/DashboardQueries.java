package org.rll.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The reads of the dashboard, each one query however many runs there are: run summaries with their
 * progress and best scores, a training log from an iteration on, and the list of sweeps. The newest
 * log row and the best scores come through the tables' primary keys, so a list of 1,000 runs does
 * not scan their logs.
 */
public final class DashboardQueries {
  private static final String SELECT_SUMMARIES =
      """
      SELECT r.run_id, r.workflow_id, r.dataset, r.spec::text AS spec, r.config_hash, r.status,
          r.created_at, r.updated_at, l.iteration AS last_iteration, l.images_per_second,
          (SELECT max(m.value) FROM metrics m
           WHERE m.run_id = r.run_id AND m.metric = 'recall' AND m.k = 1) AS best_recall_at_1,
          (SELECT max(m.value) FROM metrics m
           WHERE m.run_id = r.run_id AND m.metric = 'map_at_r') AS best_map_at_r,
          (SELECT min(s.sweep_id) FROM sweep_runs s WHERE s.run_id = r.run_id) AS sweep_id
      FROM runs r
      LEFT JOIN LATERAL (
          SELECT t.iteration, t.images_per_second FROM training_log t
          WHERE t.run_id = r.run_id ORDER BY t.iteration DESC LIMIT 1) l ON true
      """;
  private static final String FILTERED =
      SELECT_SUMMARIES
          + """
          WHERE (?::text IS NULL OR r.dataset = ?) AND (?::text IS NULL OR r.status = ?)
              AND (?::text IS NULL OR EXISTS (
                  SELECT 1 FROM sweep_runs s WHERE s.run_id = r.run_id AND s.sweep_id = ?))
          ORDER BY r.created_at DESC, r.run_id
          """;
  private static final String ONE = SELECT_SUMMARIES + " WHERE r.run_id = ?";
  private static final String SELECT_LOG_SINCE =
      "SELECT iteration, loss, mined_positives, mined_negatives, lr, images_per_second"
          + " FROM training_log WHERE run_id = ? AND iteration > ? ORDER BY iteration";
  private static final String SELECT_SWEEPS =
      "SELECT s.sweep_id, s.created_at, "
          + SweepSql.AXES
          + ", (SELECT count(*) FROM sweep_runs r WHERE r.sweep_id = s.sweep_id) AS runs"
          + " FROM sweeps s ORDER BY s.created_at DESC, s.sweep_id";
  private static final String SELECT_DATASETS =
      "SELECT DISTINCT dataset FROM runs WHERE dataset IS NOT NULL ORDER BY dataset";

  private final Jdbc jdbc;

  /** Queries on a database already migrated by {@link ResultsDatabase#migrate}. */
  public DashboardQueries(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** The runs {@code filter} keeps, newest first. */
  public List<RunSummary> runs(RunFilter filter) {
    return jdbc.query("read run summaries", FILTERED, DashboardQueries::summary, filter.params());
  }

  /** One run's summary. */
  public Optional<RunSummary> run(String runId) {
    return jdbc.query("read run summary " + runId, ONE, DashboardQueries::summary, runId).stream()
        .findFirst();
  }

  /** The training log of {@code runId} after iteration {@code since}, by iteration. */
  public TrainingLogColumns trainingLogAfter(String runId, long since) {
    TrainingLogColumns columns = new TrainingLogColumns();
    jdbc.scan(
        "read training log of run " + runId,
        SELECT_LOG_SINCE,
        r ->
            columns.add(
                r.getLong(1),
                r.getDouble(2),
                r.getLong(3),
                r.getLong(4),
                r.getDouble(5),
                r.getDouble(6)),
        true,
        runId,
        since);
    return columns;
  }

  /** Every sweep, newest first. */
  public List<SweepListing> sweeps() {
    return jdbc.query("read sweeps", SELECT_SWEEPS, DashboardQueries::sweep);
  }

  /** The names of the datasets runs were recorded with. */
  public List<String> datasets() {
    return jdbc.query("read datasets", SELECT_DATASETS, r -> r.getString("dataset"));
  }

  private static RunSummary summary(ResultSet r) throws SQLException {
    return new RunSummary(
        ResultsRepository.runRow(r),
        optionalLong(r, "last_iteration"),
        optionalDouble(r, "images_per_second"),
        optionalDouble(r, "best_recall_at_1"),
        optionalDouble(r, "best_map_at_r"),
        Optional.ofNullable(r.getString("sweep_id")));
  }

  private static SweepListing sweep(ResultSet r) throws SQLException {
    return new SweepListing(
        r.getString("sweep_id"), SweepSql.axes(r), r.getInt("runs"), Jdbc.instant(r, "created_at"));
  }

  private static OptionalLong optionalLong(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static OptionalDouble optionalDouble(ResultSet r, String column) throws SQLException {
    double value = r.getDouble(column);
    return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
