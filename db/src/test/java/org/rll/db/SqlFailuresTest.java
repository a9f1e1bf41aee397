package org.rll.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;

class SqlFailuresTest {

  @Test
  void sortsEachSqlStateIntoRetryableOrPermanent() {
    Map<String, Class<? extends RllException>> expected =
        Map.of(
            "08006", TransientStorageException.class,
            "08001", TransientStorageException.class,
            "40001", TransientStorageException.class,
            "40P01", TransientStorageException.class,
            "57P01", TransientStorageException.class,
            "53300", TransientStorageException.class,
            "23505", ValidationException.class,
            "23514", ValidationException.class,
            "22P02", ValidationException.class,
            "42601", StorageAccessException.class);
    expected.forEach(
        (state, type) -> {
          SQLException e = new SQLException("boom", state);
          RllException mapped = SqlFailures.map("write", e);
          assertEquals(type, mapped.getClass(), state);
          assertSame(e, mapped.getCause(), state);
          assertEquals("write failed (SQLState " + state + "): boom", mapped.getMessage());
        });
    assertEquals(
        StorageAccessException.class, SqlFailures.map("write", new SQLException("x")).getClass());
  }

  @Test
  void aServerThatCannotBeReachedIsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PGSimpleDataSource unreachable = new PGSimpleDataSource();
    unreachable.setServerNames(new String[] {"127.0.0.1"});
    unreachable.setPortNumbers(new int[] {closedPort});
    unreachable.setConnectTimeout(5);
    ResultsRepository repository = new ResultsRepository(unreachable);

    TransientStorageException e =
        assertThrows(TransientStorageException.class, () -> repository.run("r1"));
    assertEquals("08001", ((SQLException) e.getCause()).getSQLState());
  }
}
