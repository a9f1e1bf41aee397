package org.rll.db;

import java.sql.SQLException;
import java.util.Set;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;

/**
 * Sorts a {@link SQLException} into retryable or permanent by its SQLState.
 *
 * <ul>
 *   <li>class 08 (connection), 40001 (serialization), 40P01 (deadlock), 57P01..57P03 (shutdown,
 *       cannot connect now) and 53 (insufficient resources): {@link TransientStorageException};
 *   <li>classes 22 (bad data) and 23 (constraint violation): {@link ValidationException}, with the
 *       {@code SQLException} as its cause;
 *   <li>everything else (syntax, permissions, an unknown state): {@link StorageAccessException}.
 * </ul>
 */
final class SqlFailures {

  private static final Set<String> TRANSIENT_STATES =
      Set.of("40001", "40P01", "57P01", "57P02", "57P03");

  private SqlFailures() {}

  /** The rll exception for {@code e}, whose message starts with {@code action}. */
  static RllException map(String action, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = action + " failed (SQLState " + state + "): " + e.getMessage();
    if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
      return new TransientStorageException(message, e);
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      ValidationException rejected = new ValidationException(message);
      rejected.initCause(e);
      return rejected;
    }
    return new StorageAccessException(message, e);
  }
}
