package org.rll.cli.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rll.cli.ui.api.Exchanges;

/**
 * The pages and their files, from the class path: {@code /}, {@code /run}, {@code /compare} and
 * {@code /sweep}, {@code /static/<file>}, and uPlot from its WebJar at {@code
 * /static/vendor/uplot/<file>}. Only names of plain characters are looked up.
 */
final class StaticFiles implements HttpHandler {
  private static final String ROOT = "/org/rll/cli/ui/static/";
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> PAGES =
      Map.of(
          "/", "runs.html", "/run", "run.html", "/compare", "compare.html", "/sweep", "sweep.html");
  private static final Pattern FILE = Pattern.compile("/static/(vendor/uplot/)?([A-Za-z0-9_.-]+)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml");

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, "text/plain; charset=utf-8", "use GET here");
        return;
      }
      String resource = resource(path);
      try (InputStream in =
          resource == null ? null : StaticFiles.class.getResourceAsStream(resource)) {
        if (in == null) {
          send(exchange, 404, "text/plain; charset=utf-8", "no page at " + path);
          return;
        }
        Exchanges.send(exchange, 200, type(resource), in.readAllBytes());
      }
    }
  }

  private static String resource(String path) {
    if (PAGES.containsKey(path)) {
      return ROOT + PAGES.get(path);
    }
    Matcher file = FILE.matcher(path);
    if (!file.matches() || file.group(2).startsWith(".")) {
      return null;
    }
    return (file.group(1) == null ? ROOT : UPLOT) + file.group(2);
  }

  private static String type(String resource) {
    String extension = resource.substring(resource.lastIndexOf('.') + 1);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private static void send(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    Exchanges.send(exchange, status, type, text.getBytes(StandardCharsets.UTF_8));
  }
}
