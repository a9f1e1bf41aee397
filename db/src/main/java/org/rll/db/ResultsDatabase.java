package org.rll.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The results schema's migrations, applied with Flyway from {@code db/migration}. */
public final class ResultsDatabase {

  private ResultsDatabase() {}

  /**
   * Brings the database behind {@code dataSource} to the newest schema, from empty or from any
   * older version; does nothing when it is current. Returns the number of migrations applied.
   */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
