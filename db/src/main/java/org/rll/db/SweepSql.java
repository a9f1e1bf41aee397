package org.rll.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The statements and row readers of {@code sweeps} and {@code sweep_runs}. */
final class SweepSql {

  /** Binds the axes as one {@code text[]}, stored as a JSON array in the same order. */
  static final String UPSERT_SWEEP =
      """
      INSERT INTO sweeps (sweep_id, spec, axes, created_at, updated_at)
      VALUES (?, ?::jsonb, to_jsonb(?::text[]), ?, ?)
      ON CONFLICT (sweep_id) DO UPDATE SET
          spec = excluded.spec, axes = excluded.axes, updated_at = excluded.updated_at
      """;

  static final String UPSERT_SWEEP_RUN =
      """
      INSERT INTO sweep_runs (sweep_id, run_id, setting_hash, setting, seed)
      VALUES (?, ?, ?, ?::jsonb, ?)
      ON CONFLICT (sweep_id, run_id) DO UPDATE SET
          setting_hash = excluded.setting_hash, setting = excluded.setting, seed = excluded.seed
      """;

  /** The axes of sweep {@code s} as a {@code text[]} column {@code axes}, in order. */
  static final String AXES =
      "ARRAY(SELECT a.path FROM jsonb_array_elements_text(s.axes) WITH ORDINALITY AS a(path, i)"
          + " ORDER BY a.i) AS axes";

  static final String SELECT_SWEEP =
      "SELECT s.sweep_id, s.spec::text AS spec, s.created_at, s.updated_at, "
          + AXES
          + " FROM sweeps s WHERE s.sweep_id = ?";

  static final String SELECT_SWEEP_RUNS =
      "SELECT sweep_id, run_id, setting_hash, setting::text AS setting, seed FROM sweep_runs"
          + " WHERE sweep_id = ? ORDER BY setting_hash, seed, run_id";

  private SweepSql() {}

  static Object[] sweepParams(SweepRow sweep) {
    return new Object[] {
      sweep.sweepId(),
      sweep.specJson(),
      sweep.axes().toArray(String[]::new),
      sweep.createdAt(),
      sweep.updatedAt()
    };
  }

  static Object[] sweepRunParams(SweepRunRow run) {
    return new Object[] {
      run.sweepId(), run.runId(), run.settingHash(), run.settingJson(), run.seed()
    };
  }

  static SweepRow sweepRow(ResultSet r) throws SQLException {
    return new SweepRow(
        r.getString("sweep_id"),
        r.getString("spec"),
        axes(r),
        Jdbc.instant(r, "created_at"),
        Jdbc.instant(r, "updated_at"));
  }

  static SweepRunRow sweepRunRow(ResultSet r) throws SQLException {
    return new SweepRunRow(
        r.getString("sweep_id"),
        r.getString("run_id"),
        r.getString("setting_hash"),
        r.getString("setting"),
        r.getLong("seed"));
  }

  /** The {@link #AXES} column of the current row. */
  static List<String> axes(ResultSet r) throws SQLException {
    return List.of((String[]) r.getArray("axes").getArray());
  }
}
