package org.rll.cli.ui;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rll.cli.ui.api.ApiRoutes;
import org.rll.cli.ui.api.UiBackends;

/**
 * The dashboard's HTTP server: the JSON API under {@code /api/} and the pages that use it, served
 * by the JDK's HTTP server on a small pool of threads.
 */
public final class UiServer implements AutoCloseable {
  private static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;

  private UiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code backends} on {@code address}; port 0 picks a free port. */
  public static UiServer start(InetSocketAddress address, UiBackends backends) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the dashboard on " + address + ": " + e, e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, UiServer::daemon);
    server.setExecutor(executor);
    server.createContext("/api/", new ApiRoutes(backends));
    server.createContext("/", new StaticFiles());
    server.start();
    return new UiServer(server, executor);
  }

  /** Where the pages are, {@code http://<host>:<port>/}. */
  public URI address() {
    InetSocketAddress bound = server.getAddress();
    return URI.create("http://" + bound.getHostString() + ":" + bound.getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "rll-ui");
    thread.setDaemon(true);
    return thread;
  }
}
