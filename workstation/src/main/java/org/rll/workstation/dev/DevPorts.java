package org.rll.workstation.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.rll.core.exceptions.ValidationException;

/**
 * The ports the embedded stack listens on.
 *
 * @param temporal the Temporal test server's frontend
 * @param s3 S3Proxy
 * @param postgres the embedded PostgreSQL
 * @param ui the dashboard
 */
public record DevPorts(int temporal, int s3, int postgres, int ui) {

  public DevPorts {
    check("Temporal", temporal);
    check("S3", s3);
    check("PostgreSQL", postgres);
    check("dashboard", ui);
  }

  /**
   * 7233 (Temporal's usual port), 9000 (S3), 5433 (PostgreSQL, beside a usual 5432) and 8080 (the
   * dashboard).
   */
  public static DevPorts defaults() {
    return new DevPorts(7233, 9000, 5433, 8080);
  }

  /** Ports free right now, for tests. */
  public static DevPorts free() {
    return new DevPorts(freePort(), freePort(), freePort(), freePort());
  }

  private static void check(String part, int port) {
    ValidationException.check(
        port > 0 && port < 65536, "the %s port must be in 1..65535, got %s", part, port);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }
}
