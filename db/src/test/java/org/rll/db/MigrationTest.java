package org.rll.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedPostgresExtension.class)
class MigrationTest {

  @Test
  void migratesAnEmptyDatabaseToExactlyTheResultsTablesOnce(DataSource dataSource)
      throws SQLException {
    assertEquals(List.of(), tables(dataSource));

    assertEquals(3, ResultsDatabase.migrate(dataSource));
    assertEquals(0, ResultsDatabase.migrate(dataSource));

    assertEquals(
        List.of(
            "checkpoints",
            "flyway_schema_history",
            "metrics",
            "runs",
            "sweep_runs",
            "sweeps",
            "training_log"),
        tables(dataSource));
    assertEquals(
        List.of("run_id", "checkpoint_iteration", "head", "metric", "k", "value"),
        columns(dataSource, "metrics"));
    assertEquals(
        List.of("sweep_id", "spec", "axes", "created_at", "updated_at"),
        columns(dataSource, "sweeps"));
    assertEquals(
        List.of("sweep_id", "run_id", "setting_hash", "setting", "seed"),
        columns(dataSource, "sweep_runs"));
  }

  private static List<String> tables(DataSource dataSource) throws SQLException {
    return strings(
        dataSource,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            + " ORDER BY table_name",
        null);
  }

  private static List<String> columns(DataSource dataSource, String table) throws SQLException {
    return strings(
        dataSource,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
            + " AND table_name = ? ORDER BY ordinal_position",
        table);
  }

  private static List<String> strings(DataSource dataSource, String sql, String param)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (param != null) {
        s.setString(1, param);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          values.add(r.getString(1));
        }
      }
      return values;
    }
  }
}
