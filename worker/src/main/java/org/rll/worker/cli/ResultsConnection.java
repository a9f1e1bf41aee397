package org.rll.worker.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.ResultsDatabase;

/**
 * An open results database with its schema up to date: a PostgreSQL server given by URL, or an
 * embedded PostgreSQL started in this process on a free port and stopped by {@link #close}.
 *
 * <p>The embedded server's data directory is kept between starts, so results survive restarts; a
 * server left running there by a killed rll is stopped first. As root, the library starts
 * PostgreSQL, which refuses to run as root, under {@code unshare -U}.
 */
public final class ResultsConnection implements AutoCloseable {

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

  private final DataSource dataSource;
  private final String address;
  private final EmbeddedPostgres server;

  private ResultsConnection(DataSource dataSource, String address, EmbeddedPostgres server) {
    this.dataSource = dataSource;
    this.address = address;
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
    return connect(source, "PostgreSQL at " + address, null);
  }

  /**
   * Starts PostgreSQL on {@code dataDirectory} and a free port, creating the database there on
   * first use; the server's own log goes to a file beside the directory.
   */
  public static ResultsConnection embedded(Path dataDirectory) {
    return embedded(dataDirectory, 0);
  }

  /**
   * Starts PostgreSQL on {@code dataDirectory} and {@code port} (0 for a free one), so that other
   * processes can reach it at {@link #localUrl()}.
   */
  public static ResultsConnection embedded(Path dataDirectory, int port) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    Path log = directory.resolveSibling(directory.getFileName() + ".log");
    EmbeddedPostgres server;
    try {
      Files.createDirectories(directory.getParent());
      OrphanedServer.stop(directory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      server =
          builder
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException | RuntimeException e) {
      throw new StorageAccessException(
          "cannot start the embedded PostgreSQL in "
              + directory
              + " (is another rll using it? its log: "
              + log
              + "; --db-url names a server instead): "
              + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()),
          e);
    }
    return connect(server.getPostgresDatabase(), "embedded PostgreSQL in " + directory, server);
  }

  private static ResultsConnection connect(
      DataSource source, String address, EmbeddedPostgres server) {
    try {
      source.getConnection().close();
      ResultsDatabase.migrate(source);
      return new ResultsConnection(source, address, server);
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
   * The embedded server's JDBC URL, user included (it needs no password and listens on the loopback
   * interface only); empty for a remote server.
   */
  public Optional<String> localUrl() {
    return Optional.ofNullable(server)
        .map(s -> "jdbc:postgresql://127.0.0.1:" + s.getPort() + "/postgres?user=postgres");
  }

  /** Stops the embedded server, if this connection started one. */
  @Override
  public void close() {
    stop(server, address);
  }

  private static void stop(EmbeddedPostgres server, String address) {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new StorageAccessException("cannot stop the " + address, e);
    }
  }

  /** {@code url} with the value of any password parameter masked. */
  static String redact(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }
}
