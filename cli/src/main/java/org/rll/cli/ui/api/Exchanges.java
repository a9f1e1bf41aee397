package org.rll.cli.ui.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writing whole responses, each with the headers every answer of the dashboard carries. */
public final class Exchanges {
  private Exchanges() {}

  /** Sends {@code body} with {@code status} and {@code contentType}. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange
        .getResponseHeaders()
        .set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
