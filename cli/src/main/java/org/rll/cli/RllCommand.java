package org.rll.cli;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.rll.cli.dataset.DatasetCommand;
import org.rll.cli.options.HomeDefaults;
import org.rll.cli.options.RllHome;
import org.rll.cli.results.ReportCommand;
import org.rll.cli.results.ResultsCommand;
import org.rll.cli.run.CancelCommand;
import org.rll.cli.run.ResumeCommand;
import org.rll.cli.run.StatusCommand;
import org.rll.cli.run.TrainCommand;
import org.rll.cli.sweep.SweepCommand;
import org.rll.cli.ui.UiCommand;
import org.rll.cli.worker.WorkerCommand;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.TransientStorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rll} command line: one subcommand per user-facing job. */
@Command(
    name = "rll",
    mixinStandardHelpOptions = true,
    versionProvider = RllVersion.class,
    description = "Ranked List Loss training as durable workflows.",
    subcommands = {
      CancelCommand.class,
      DatasetCommand.class,
      ReportCommand.class,
      ResultsCommand.class,
      ResumeCommand.class,
      StatusCommand.class,
      SweepCommand.class,
      TrainCommand.class,
      UiCommand.class,
      WorkerCommand.class
    })
public final class RllCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point of {@code ./rll}. */
  public static void main(String[] args) {
    placeDjlCache(RllHome.ofThisProcess());
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line in this process's environment. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System.getenv());
  }

  /**
   * The configured command line with every {@link CommandPlugin} on the class path, its files
   * placed under the {@link RllHome} of {@code environment} ({@link HomeDefaults}); shared by
   * {@link #main} and tests.
   */
  public static CommandLine newCommandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new RllCommand());
    addPlugins(commandLine);
    return commandLine
        .setDefaultValueProvider(new HomeDefaults(environment))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(RllCommand::reportRllException);
  }

  /** Adds the top-level plugin commands, then those that go under one of them. */
  private static void addPlugins(CommandLine commandLine) {
    List<CommandPlugin> plugins =
        ServiceLoader.load(CommandPlugin.class).stream().map(ServiceLoader.Provider::get).toList();
    plugins.stream().filter(p -> p.parent().isEmpty()).forEach(commandLine::addSubcommand);
    for (CommandPlugin plugin : plugins) {
      plugin
          .parent()
          .ifPresent(
              parent -> {
                CommandLine under = commandLine.getSubcommands().get(parent);
                if (under == null) {
                  throw new IllegalStateException(
                      plugin.getClass().getName()
                          + " goes under rll "
                          + parent
                          + ", which is absent");
                }
                under.addSubcommand(plugin);
              });
    }
  }

  /** DJL unpacks its natives under the home, unless {@code DJL_CACHE_DIR} places them. */
  private static void placeDjlCache(RllHome home) {
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", home.djl().toString());
    }
  }

  /**
   * Bad input ends with its message and exit code 2; a storage or network fault that may pass, with
   * its message and exit code 1 (running the command again may succeed); anything else keeps its
   * stack trace.
   */
  private static int reportRllException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult)
      throws Exception {
    if (exception instanceof RllException) {
      commandLine.getErr().println("rll: " + exception.getMessage());
      return exception instanceof TransientStorageException ? 1 : 2;
    }
    throw exception;
  }
}
