package org.rll.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.rll.core.exceptions.StorageAccessException;

/**
 * PostgreSQL started from the binaries in its Maven artifact, on a data directory kept between
 * starts, so that results survive restarts; a server left running there by a killed process is
 * stopped first. The server's own log goes to a file beside the directory. As root, the library
 * starts PostgreSQL, which refuses to run as root, under {@code unshare -U}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres server;
  private final Path dataDirectory;

  private EmbeddedPostgresServer(EmbeddedPostgres server, Path dataDirectory) {
    this.server = server;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts PostgreSQL on {@code dataDirectory} and {@code port} of the loopback interface (0 for a
   * free one), creating the database there on first use.
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    Path log = directory.resolveSibling(directory.getFileName() + ".log");
    try {
      Files.createDirectories(directory.getParent());
      OrphanedServer.stop(directory);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres server =
          builder
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setOutputRedirector(Redirect.appendTo(log.toFile()))
              .setErrorRedirector(Redirect.appendTo(log.toFile()))
              .start();
      return new EmbeddedPostgresServer(server, directory);
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
  }

  /** The server's {@code postgres} database. */
  public DataSource dataSource() {
    return server.getPostgresDatabase();
  }

  /** Its JDBC URL, user included: it needs no password and listens on the loopback interface. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
  }

  /** Where its data lives. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops the server; its data directory stays. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new StorageAccessException(
          "cannot stop the embedded PostgreSQL in " + dataDirectory, e);
    }
  }
}
