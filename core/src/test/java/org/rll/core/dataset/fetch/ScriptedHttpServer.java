package org.rll.core.dataset.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 serving one body under every path, answering its n-th request
 * with the n-th reply of a script (the last reply repeats), and recording each request's Range.
 */
final class ScriptedHttpServer implements AutoCloseable {

  /** How the server answers one request. */
  @FunctionalInterface
  interface Reply {
    void send(HttpExchange exchange, byte[] body) throws IOException;
  }

  private final HttpServer server;
  private final byte[] body;
  private final List<Reply> script;
  private final List<String> ranges = new ArrayList<>();
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  private ScriptedHttpServer(byte[] body, List<Reply> script) throws IOException {
    this.body = body;
    this.script = script;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  static ScriptedHttpServer start(byte[] body, Reply... script) throws IOException {
    return new ScriptedHttpServer(body, Arrays.asList(script));
  }

  /** The URI of {@code path} (starting with '/') on this server. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Each request's Range header so far, "" where it had none. */
  synchronized List<String> ranges() {
    return List.copyOf(ranges);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    synchronized (this) {
      String range = exchange.getRequestHeaders().getFirst("Range");
      ranges.add(range == null ? "" : range);
      reply = script.get(Math.min(ranges.size(), script.size()) - 1);
    }
    try {
      reply.send(exchange, body);
    } finally {
      exchange.close();
    }
  }

  /** 200 with the whole body, whatever the Range. */
  static Reply full() {
    return (exchange, body) -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    };
  }

  /** 206 from the asked offset when there is a Range header, else 200 with the whole body. */
  static Reply ranged() {
    return (exchange, body) -> {
      String range = exchange.getRequestHeaders().getFirst("Range");
      if (range == null) {
        full().send(exchange, body);
        return;
      }
      int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      exchange.sendResponseHeaders(206, body.length - from);
      exchange.getResponseBody().write(body, from, body.length - from);
    };
  }

  /**
   * 200 declaring the whole length, then only the first {@code n} bytes and a dropped connection:
   * the server closes the connection of a handler that throws.
   */
  static Reply cutAfter(int n) {
    return (exchange, body) -> {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, n);
      out.flush();
      throw new IOException("connection cut after " + n + " bytes");
    };
  }

  /** 200 declaring the whole length, then the first {@code n} bytes and silence until closed. */
  static Reply stallAfter(int n) {
    return (exchange, body) -> {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body, 0, n);
      exchange.getResponseBody().flush();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        throw new IOException("server closed while stalling", e);
      }
    };
  }

  /** An empty answer with {@code status}. */
  static Reply status(int status) {
    return (exchange, body) -> exchange.sendResponseHeaders(status, -1);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
