package org.rll.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where results are stored: the PostgreSQL server at {@code --db-url}, or, without one, an embedded
 * PostgreSQL whose data stays in {@code --pg-dir} between runs. Every option also reads an
 * environment variable; the password is never printed.
 */
public final class DatabaseOptions {
  @Option(
      names = "--db-url",
      paramLabel = "<jdbc-url>",
      defaultValue = "${env:RLL_DB_URL}",
      description =
          "PostgreSQL JDBC URL, such as jdbc:postgresql://db.example:5432/rll (env RLL_DB_URL)."
              + " Without one, an embedded PostgreSQL keeps results in --pg-dir.")
  String url;

  @Option(
      names = "--db-user",
      defaultValue = "${env:RLL_DB_USER}",
      description = "PostgreSQL user (env RLL_DB_USER).")
  String user;

  @Option(
      names = "--db-password",
      defaultValue = "${env:RLL_DB_PASSWORD}",
      description =
          "PostgreSQL password (env RLL_DB_PASSWORD, preferred: other users can read a"
              + " process's arguments).")
  String password;

  @Option(
      names = "--pg-dir",
      paramLabel = "<dir>",
      description =
          "Data directory of the embedded PostgreSQL used when no --db-url is given"
              + " (default: ${DEFAULT-VALUE}; RLL_HOME moves it).")
  Path embeddedDirectory;

  /** Connects to the configured database and brings its schema up to date. */
  public ResultsConnection open() {
    if (url == null || url.isBlank()) {
      return ResultsConnection.embedded(embeddedDirectory);
    }
    return ResultsConnection.remote(url, user, password);
  }
}
