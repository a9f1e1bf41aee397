package org.rll.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Runs parameterised statements on a {@link DataSource}: every value is bound as a parameter, never
 * written into the SQL, and every {@link SQLException} leaves as an rll exception ({@link
 * SqlFailures}). Each call takes a connection of its own and returns it.
 */
final class Jdbc {

  /** Reads one row of a result set. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs one statement; returns the number of rows it changed. */
  int update(String action, String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.map(action, e);
    }
  }

  /** Runs {@code sql} once for each row, in one batch and one transaction: all rows or none. */
  <T> void batch(String action, String sql, List<T> rows, Function<T, Object[]> params) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (T row : rows) {
          bind(statement, params.apply(row));
          statement.addBatch();
        }
        statement.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw SqlFailures.map(action, unwrapBatch(e));
    }
  }

  /** Reads the current row of a result set, keeping what it needs. */
  @FunctionalInterface
  interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  /** The rows {@code sql} selects, each read by {@code reader}, in the order the query gives. */
  <T> List<T> query(String action, String sql, RowReader<T> reader, Object... params) {
    List<T> rows = new ArrayList<>();
    scan(action, sql, row -> rows.add(reader.read(row)), false, params);
    return rows;
  }

  /**
   * Passes each row {@code sql} selects to {@code consumer}. With {@code binary} the server sends
   * numbers in binary from the first execution, which reads a long result several times faster than
   * the text the driver asks for until a statement has run five times.
   */
  void scan(String action, String sql, RowConsumer consumer, boolean binary, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (binary) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
      }
      bind(statement, params);
      try (ResultSet resultSet = statement.executeQuery()) {
        while (resultSet.next()) {
          consumer.accept(resultSet);
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.map(action, e);
    }
  }

  /** The instant in column {@code column} of a {@code timestamptz}. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object value = params[i];
      statement.setObject(
          i + 1, value instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : value);
    }
  }

  /**
   * The server's own error behind a failed batch: the driver wraps it in a BatchUpdateException
   * whose SQLState is that of the batch, not of the statement that failed.
   */
  private static SQLException unwrapBatch(SQLException e) {
    return e.getNextException() != null ? e.getNextException() : e;
  }
}
