package org.rll.workstation.dev;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rll.cli.CommandPlugin;
import org.rll.cli.options.UntilStopped;
import org.rll.core.exceptions.ValidationException;
import org.rll.worker.Activities;
import org.rll.worker.Queue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rll dev}: the whole system in this process, until interrupted. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole system in this process until interrupted: the Temporal Java test server,"
          + " an embedded PostgreSQL (<home>/pg), S3Proxy over <home>/s3 (bucket rll) and a worker"
          + " polling rll-cpu and rll-gpu (--queues), and the dashboard of rll ui on"
          + " http://127.0.0.1:8080/. Every server listens on 127.0.0.1 only.",
      "The test server keeps its state in memory only: stopping rll dev ends every workflow, while"
          + " results and artifacts stay; `rll resume <run>` continues an interrupted run.",
      "It prints the environment with which other rll processes use it."
    })
public final class DevCommand implements Callable<Integer>, CommandPlugin {

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      paramLabel = "<dir>",
      description = "Where the stack keeps its data (env RLL_HOME; default: ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--temporal-port",
      defaultValue = "7233",
      description = "Temporal frontend port (default: ${DEFAULT-VALUE}).")
  int temporalPort;

  @Option(
      names = "--s3-port",
      defaultValue = "9000",
      description = "S3Proxy port (default: ${DEFAULT-VALUE}).")
  int s3Port;

  @Option(
      names = "--pg-port",
      defaultValue = "5433",
      description = "PostgreSQL port (default: ${DEFAULT-VALUE}).")
  int postgresPort;

  @Option(
      names = "--ui-port",
      defaultValue = "8080",
      description = "Dashboard port, on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int uiPort;

  @Option(
      names = "--queues",
      split = ",",
      paramLabel = "<queue>",
      defaultValue = "cpu,gpu",
      description =
          "Queues its worker polls: cpu (always: the workflows run here) and gpu, or cpu alone to"
              + " leave training to `rll worker --queues gpu --activities-only` processes"
              + " (default: ${DEFAULT-VALUE}).")
  List<Queue> queues;

  @Override
  public Integer call() throws Exception {
    ValidationException.check(
        queues.contains(Queue.CPU),
        "--queues must include cpu: rll dev runs the workflows, on rll-cpu; got %s",
        queues);
    DevStack stack =
        DevStack.start(
            home,
            new DevPorts(temporalPort, s3Port, postgresPort, uiPort),
            Activities::working,
            EnumSet.copyOf(queues));
    describe(stack, spec.commandLine().getOut());
    UntilStopped.await(stack);
    return 0;
  }

  private static void describe(DevStack stack, PrintWriter out) {
    out.println("rll dev: the embedded stack is up; Ctrl-C stops it");
    out.println("  Dashboard   " + stack.dashboard());
    out.println(
        "  Temporal    " + stack.temporalTarget() + ", namespace default (state in memory only)");
    out.println(
        "  S3          "
            + stack.clientEnvironment().get("RLL_S3_ENDPOINT")
            + ", bucket "
            + DevStack.BUCKET
            + ", data in "
            + stack.home().s3());
    out.println("  PostgreSQL  " + stack.databaseUrl() + ", data in " + stack.home().database());
    stack.workerDescription().forEach(line -> out.println("  worker      " + line));
    out.println("Other rll processes use it with:");
    out.println("  export " + exports(stack.clientEnvironment()));
    out.println(
        "  rll train spec.yaml   # then: rll status <run>, rll cancel <run>, rll resume <run>");
    out.println("  rll worker --queues gpu --activities-only   # more training workers");
    out.flush();
  }

  private static String exports(Map<String, String> env) {
    return env.entrySet().stream()
        .map(e -> e.getKey() + "='" + e.getValue() + "'")
        .collect(Collectors.joining(" "));
  }
}
