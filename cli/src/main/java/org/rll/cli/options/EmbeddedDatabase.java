package org.rll.cli.options;

import java.nio.file.Path;

/**
 * A results database that rll starts itself when no {@code --db-url} is given. Builds for a
 * workstation provide one through {@link java.util.ServiceLoader}; the product image has none and
 * needs a database URL.
 */
public interface EmbeddedDatabase {

  /**
   * Starts a database on {@code dataDirectory}, kept between starts, listening on {@code port} of
   * the loopback interface (0 for a free one).
   */
  ResultsConnection open(Path dataDirectory, int port);
}
