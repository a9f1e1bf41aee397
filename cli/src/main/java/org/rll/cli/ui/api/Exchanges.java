package org.rll.cli.ui.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writing whole responses, each with the headers every answer of the dashboard carries. */
public final class Exchanges {
  private Exchanges() {}

  /** Writes a body of unknown length. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Sends {@code body} with {@code status} and {@code contentType}. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    headers(exchange, contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Streams {@code body} with status 200 in chunks, as it is written. */
  public static void stream(HttpExchange exchange, String contentType, Body body)
      throws IOException {
    headers(exchange, contentType);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
      body.writeTo(out);
    }
  }

  private static void headers(HttpExchange exchange, String contentType) {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange
        .getResponseHeaders()
        .set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
  }
}
