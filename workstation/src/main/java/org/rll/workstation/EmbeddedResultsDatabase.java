package org.rll.workstation;

import java.nio.file.Path;
import org.rll.cli.options.EmbeddedDatabase;
import org.rll.cli.options.ResultsConnection;
import org.rll.devstack.EmbeddedPostgresServer;

/** The workstation's results database when no URL is given: PostgreSQL from the dev stack. */
public final class EmbeddedResultsDatabase implements EmbeddedDatabase {

  @Override
  public ResultsConnection open(Path dataDirectory, int port) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, port);
    return ResultsConnection.local(
        server.dataSource(),
        "embedded PostgreSQL in " + server.dataDirectory(),
        server.jdbcUrl(),
        server);
  }
}
