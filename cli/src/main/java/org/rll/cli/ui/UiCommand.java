package org.rll.cli.ui;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.options.StoreOptions;
import org.rll.cli.options.TemporalOptions;
import org.rll.cli.options.UntilStopped;
import org.rll.cli.ui.api.UiBackends;
import org.rll.core.exceptions.ValidationException;
import org.rll.worker.TemporalConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rll ui}: serves the dashboard until stopped. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the dashboard: runs with their live status, each run's curves, metrics, spec,"
          + " checkpoints and artifacts, a comparison of runs and each sweep's table, over the"
          + " JSON API under /api/ that the pages use. It binds 127.0.0.1 unless --bind says"
          + " otherwise; cancel and resume need a POST with the page's CSRF token."
    })
public final class UiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin TemporalOptions temporal;
  @Mixin DatabaseOptions database;
  @Mixin StoreOptions store;

  @Option(
      names = "--bind",
      paramLabel = "<address>",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind = "127.0.0.1";

  @Option(names = "--port", description = "The port (default: ${DEFAULT-VALUE}).")
  int port = 8080;

  @Override
  public Integer call() throws Exception {
    ValidationException.check(
        port >= 0 && port < 65536, "--port must be in 0..65535, got %s", port);
    TemporalConnection connection = temporal.connect();
    ResultsConnection results;
    try {
      results = database.open();
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    UiServer server =
        UiServer.start(
            new InetSocketAddress(bind, port),
            new UiBackends(results.dataSource(), connection, store.open()));
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "rll ui: "
            + server.address()
            + " (Temporal "
            + connection.target()
            + ", results in the "
            + results.address()
            + ")");
    out.flush();
    UntilStopped.await(
        () -> {
          try (connection;
              results) {
            server.close();
          }
        });
    return 0;
  }
}
