package org.rll.workstation.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * The healthcheck that compose gives every worker passes while the process lives.
 */
class WorkerHealthTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Surefire runs in the module directory; deploy/ sits next to it. */
  private static final Path WORKER_YAML = Path.of("..", "deploy", "compose", "worker.yaml");

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
      assertEquals(0, composeHealthcheck(port), "compose's healthcheck passes a live worker");
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
    assertEquals(
        1, composeHealthcheck(port), "compose's healthcheck fails once the worker is gone");
  }

  /**
   * The exit status of the healthcheck that deploy/compose/worker.yaml gives every worker, asked of
   * {@code port} instead of 9464.
   */
  private static int composeHealthcheck(int port) throws Exception {
    JsonNode test =
        new YAMLMapper().readTree(WORKER_YAML.toFile()).at("/services/worker/healthcheck/test");
    assertEquals("CMD", test.get(0).asText(), test.toString());
    List<String> command = new ArrayList<>();
    for (int i = 1; i < test.size(); i++) {
      command.add(test.get(i).asText().replace("/9464", "/" + port));
    }
    Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
    check.getInputStream().transferTo(OutputStream.nullOutputStream());
    assertTrue(check.waitFor(30, TimeUnit.SECONDS), "the healthcheck hung");
    return check.exitValue();
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
