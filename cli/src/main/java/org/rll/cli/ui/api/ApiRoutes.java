package org.rll.cli.ui.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.RunFilter;
import org.rll.db.TrainingLogColumns;
import org.rll.workflows.RunStatus;

/**
 * Routes {@code /api/...} requests to {@link DashboardApi}: reads are GET, actions are POST with
 * the CSRF token. Bad input answers 400, a missing run 404, any other fault 500, each as {@code
 * {"error": message}} with secrets removed.
 */
public final class ApiRoutes implements HttpHandler {
  private static final String ID = "([A-Za-z0-9][A-Za-z0-9._-]{0,127})";
  private static final Pattern RUN = Pattern.compile("/api/runs/" + ID + "(/[a-z]+)?");
  private static final Pattern ARTIFACT =
      Pattern.compile("/api/runs/" + ID + "/artifacts/([A-Za-z0-9._/-]+)");
  private static final Pattern SWEEP = Pattern.compile("/api/sweeps/" + ID);

  private final DashboardApi api;
  private final CsrfToken token = new CsrfToken(new SecureRandom());

  /** Routes onto the API over {@code backends}. */
  public ApiRoutes(UiBackends backends) {
    this.api = new DashboardApi(backends);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (HttpStatusException e) {
        sendError(exchange, e.status(), e.getMessage());
      } catch (ValidationException e) {
        sendError(exchange, 400, e.getMessage());
      } catch (RllException e) {
        sendError(exchange, 502, e.getMessage());
      } catch (Exception e) {
        sendError(exchange, 500, e.toString());
      }
    }
  }

  private void route(HttpExchange exchange) throws Exception {
    String path = exchange.getRequestURI().getPath();
    Query query = new Query(exchange.getRequestURI().getRawQuery());
    Matcher artifact = ARTIFACT.matcher(path);
    Matcher run = RUN.matcher(path);
    Matcher sweep = SWEEP.matcher(path);
    if (path.equals("/api/runs")) {
      sendJson(exchange, get(exchange, () -> api.runs(filter(query))));
    } else if (path.equals("/api/session")) {
      sendJson(exchange, get(exchange, () -> api.session(token)));
    } else if (path.equals("/api/sweeps")) {
      sendJson(exchange, get(exchange, api::sweeps));
    } else if (sweep.matches()) {
      sendJson(exchange, get(exchange, () -> api.sweep(sweep.group(1))));
    } else if (artifact.matches()) {
      requireMethod(exchange, "GET");
      download(exchange, api.artifacts().key(artifact.group(1), artifact.group(2)));
    } else if (run.matches() && "/log".equals(run.group(2))) {
      requireMethod(exchange, "GET");
      TrainingLogColumns log = api.log(run.group(1), query.longValue("since", -1));
      Exchanges.stream(exchange, "application/json", out -> LogJson.write(out, run.group(1), log));
    } else if (run.matches()) {
      sendJson(exchange, runRoute(exchange, run.group(1), run.group(2), query));
    } else {
      throw new HttpStatusException(404, "no API at " + path);
    }
  }

  private JsonNode runRoute(HttpExchange exchange, String runId, String action, Query query)
      throws Exception {
    if (action == null) {
      return get(exchange, () -> api.run(runId));
    }
    return switch (action) {
      case "/metrics" -> get(exchange, () -> api.metrics(runId));
      case "/cancel" -> post(exchange, () -> api.cancel(runId));
      case "/resume" -> post(exchange, () -> api.resume(runId));
      default -> throw new HttpStatusException(404, "no API at " + action);
    };
  }

  private static RunFilter filter(Query query) {
    Optional<RunStatus> status =
        query.value("status").filter(s -> !s.equals(LiveStatus.INTERRUPTED)).map(ApiRoutes::status);
    return new RunFilter(query.value("dataset"), status, query.value("sweep"));
  }

  private static RunStatus status(String name) {
    try {
      return RunStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "status must be one of "
              + java.util.Arrays.toString(RunStatus.values())
              + " or INTERRUPTED, got '"
              + name
              + "'");
    }
  }

  /** Something that answers with JSON. */
  @FunctionalInterface
  private interface Answer {
    JsonNode get() throws Exception;
  }

  private static JsonNode get(HttpExchange exchange, Answer answer) throws Exception {
    requireMethod(exchange, "GET");
    return answer.get();
  }

  private JsonNode post(HttpExchange exchange, Answer answer) throws Exception {
    requireMethod(exchange, "POST");
    if (!token.matches(exchange.getRequestHeaders().getFirst(CsrfToken.HEADER))) {
      throw new HttpStatusException(
          403, "actions need the " + CsrfToken.HEADER + " header from GET /api/session");
    }
    return answer.get();
  }

  private static void requireMethod(HttpExchange exchange, String method) {
    if (!exchange.getRequestMethod().equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new HttpStatusException(405, "use " + method + " here");
    }
  }

  private void download(HttpExchange exchange, String key) throws IOException {
    String name = key.substring(key.lastIndexOf('/') + 1);
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange
        .getResponseHeaders()
        .set("Content-Disposition", "attachment; filename=\"" + name + "\"");
    long size = api.artifacts().store().size(key).orElse(0);
    exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
    try (InputStream in = api.artifacts().store().open(key);
        OutputStream out = exchange.getResponseBody()) {
      in.transferTo(out);
    }
  }

  private void sendJson(HttpExchange exchange, JsonNode node) throws IOException {
    Exchanges.send(exchange, 200, "application/json", api.json().writeValueAsBytes(node));
  }

  private void sendError(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body =
        api.json()
            .writeValueAsString(api.json().createObjectNode().put("error", Redaction.of(message)))
            .getBytes(StandardCharsets.UTF_8);
    Exchanges.send(exchange, status, "application/json", body);
  }
}
