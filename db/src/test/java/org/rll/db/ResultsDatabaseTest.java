package org.rll.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A base for tests against the results schema: one embedded PostgreSQL per test class, migrated
 * once, every table emptied before each test.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
public abstract class ResultsDatabaseTest {
  protected final DataSource dataSource;
  protected final ResultsRepository repository;

  protected ResultsDatabaseTest(DataSource dataSource) {
    this.dataSource = dataSource;
    this.repository = new ResultsRepository(dataSource);
  }

  @BeforeAll
  static void migrate(DataSource dataSource) {
    ResultsDatabase.migrate(dataSource);
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE runs, sweeps CASCADE");
    }
  }

  /** The number that {@code sql}, a {@code SELECT count(*)}, returns. */
  protected long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
