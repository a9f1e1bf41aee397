package org.rll.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A worker's HTTP endpoints for probes and Prometheus: {@code /healthz} (liveness: the workers
 * run), {@code /readyz} (readiness: they run and Temporal answers), {@code /metrics} (the SDK's
 * metrics). A failing check answers 503 with its reason.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves on {@code address}: {@code alive} and {@code ready} give the reason a check fails, or
   * empty when it passes.
   */
  public static HealthServer start(
      InetSocketAddress address,
      Supplier<Optional<String>> alive,
      Supplier<Optional<String>> ready,
      WorkerMetrics metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health checks on " + address + ": " + e, e);
    }
    server.createContext("/healthz", exchange -> check(exchange, alive));
    server.createContext("/readyz", exchange -> check(exchange, ready));
    server.createContext(
        "/metrics",
        exchange ->
            send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    server.start();
    return new HealthServer(server);
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void check(HttpExchange exchange, Supplier<Optional<String>> check)
      throws IOException {
    Optional<String> problem;
    try {
      problem = check.get();
    } catch (RuntimeException e) {
      problem = Optional.of(e.toString());
    }
    send(
        exchange,
        problem.isPresent() ? 503 : 200,
        "text/plain; charset=utf-8",
        problem.map(p -> "not ok: " + p).orElse("ok") + "\n");
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    try (exchange) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
