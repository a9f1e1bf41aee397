package org.rll.workstation.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rll.worker.Activities;
import org.rll.worker.Queue;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;

/**
 * A separate {@code rll worker --health-port} process: its probes pass and its metrics carry the
 * Temporal SDK's while Temporal runs; once Temporal is gone it stays alive but is no longer ready.
 */
class WorkerHealthTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path home;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void probesFollowTemporalAndMetricsCarryTheSdks() throws Exception {
    int port = freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    DevStack stack =
        DevStack.start(home, DevPorts.free(), Activities::working, EnumSet.of(Queue.CPU));
    WorkerProcess worker =
        WorkerProcess.start(stack, home.resolve("worker.log"), "--health-port", "" + port);
    try {
      HttpResponse<String> alive = await(base.resolve("/healthz"), r -> r.statusCode() == 200);
      assertEquals("ok\n", alive.body());
      assertEquals("ok\n", get(base.resolve("/readyz")).body());
      HttpResponse<String> metrics =
          await(base.resolve("/metrics"), r -> r.body().contains("temporal_long_request"));
      assertTrue(
          metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
          metrics.headers().toString());

      stack.close();
      HttpResponse<String> notReady = await(base.resolve("/readyz"), r -> r.statusCode() == 503);
      assertTrue(notReady.body().startsWith("not ok: Temporal at "), notReady.body());
      assertEquals(200, get(base.resolve("/healthz")).statusCode());
    } finally {
      worker.kill();
      stack.close();
    }
  }

  private static HttpResponse<String> await(URI uri, Predicate<HttpResponse<String>> done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        HttpResponse<String> response = get(uri);
        if (done.test(response) || System.nanoTime() > deadline) {
          assertTrue(
              done.test(response),
              uri + " answered " + response.statusCode() + ": " + response.body());
          return response;
        }
      } catch (ConnectException notYet) {
        assertTrue(System.nanoTime() < deadline, uri + " never answered");
      }
      Thread.sleep(200);
    }
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
