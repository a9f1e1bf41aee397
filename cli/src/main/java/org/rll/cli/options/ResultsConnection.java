package org.rll.cli.options;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.ResultsDatabase;

/**
 * An open results database with its schema up to date: a PostgreSQL server given by URL, or an
 * {@link EmbeddedDatabase} started in this process and stopped by {@link #close}.
 */
public final class ResultsConnection implements AutoCloseable {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

  private final DataSource dataSource;
  private final String address;
  private final String localUrl;
  private final AutoCloseable server;

  private ResultsConnection(
      DataSource dataSource, String address, String localUrl, AutoCloseable server) {
    this.dataSource = dataSource;
    this.address = address;
    this.localUrl = localUrl;
    this.server = server;
  }

  /**
   * Connects to the server at {@code url}; {@code user} and {@code password} may be null when the
   * URL or the server's defaults supply them.
   */
  public static ResultsConnection remote(String url, String user, String password) {
    String address = redact(url);
    PGSimpleDataSource source = new PGSimpleDataSource();
    try {
      source.setURL(url);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "the database URL must look like jdbc:postgresql://host:5432/database, got " + address);
    }
    if (user != null) {
      source.setUser(user);
    }
    if (password != null) {
      source.setPassword(password);
    }
    return connect(source, "PostgreSQL at " + address, null, null);
  }

  /** The embedded database on {@code dataDirectory} and a free port. */
  public static ResultsConnection embedded(Path dataDirectory) {
    return embedded(dataDirectory, 0);
  }

  /**
   * The embedded database on {@code dataDirectory} and {@code port} (0 for a free one), so that
   * other processes can reach it at {@link #localUrl()}.
   *
   * @throws ValidationException when this build of rll has no embedded database
   */
  public static ResultsConnection embedded(Path dataDirectory, int port) {
    return ServiceLoader.load(EmbeddedDatabase.class)
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    "no results database: give --db-url or RLL_DB_URL (this build of rll has no"
                        + " embedded PostgreSQL)"))
        .open(dataDirectory, port);
  }

  /**
   * Brings the schema of the database that {@code server} serves up to date; {@code localUrl} is
   * where other processes reach it. Stops the server if that fails.
   */
  public static ResultsConnection local(
      DataSource source, String address, String localUrl, AutoCloseable server) {
    return connect(source, address, localUrl, server);
  }

  private static ResultsConnection connect(
      DataSource source, String address, String localUrl, AutoCloseable server) {
    try {
      source.getConnection().close();
      ResultsDatabase.migrate(source);
      return new ResultsConnection(source, address, localUrl, server);
    } catch (SQLException e) {
      stop(server, address);
      throw new StorageAccessException(
          "cannot connect to the " + address + ": " + e.getMessage(), e);
    } catch (FlywayException e) {
      stop(server, address);
      throw new StorageAccessException(
          "cannot bring the results schema up to date in the " + address + ": " + e.getMessage(),
          e);
    }
  }

  /** The migrated database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Where the database is, for messages: {@code PostgreSQL at <url>} without the URL's password, or
   * {@code embedded PostgreSQL in <data directory>}.
   */
  public String address() {
    return address;
  }

  /**
   * The embedded server's JDBC URL for other processes on this machine; empty for a remote server.
   */
  public Optional<String> localUrl() {
    return Optional.ofNullable(localUrl);
  }

  /** Stops the embedded server, if this connection started one. */
  @Override
  public void close() {
    stop(server, address);
  }

  private static void stop(AutoCloseable server, String address) {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (RllException e) {
      throw e;
    } catch (Exception e) {
      throw new StorageAccessException("cannot stop the " + address, e);
    }
  }

  /** {@code url} with the value of any password parameter masked. */
  static String redact(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }
}
