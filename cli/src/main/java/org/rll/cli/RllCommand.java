package org.rll.cli;

import java.util.ServiceLoader;
import org.rll.cli.dataset.DatasetCommand;
import org.rll.cli.results.ReportCommand;
import org.rll.cli.results.ResultsCommand;
import org.rll.cli.run.CancelCommand;
import org.rll.cli.run.ResumeCommand;
import org.rll.cli.run.StatusCommand;
import org.rll.cli.run.TrainCommand;
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
      TrainCommand.class,
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
    System.exit(newCommandLine().execute(args));
  }

  /**
   * The configured command line with every {@link CommandPlugin} on the class path, shared by
   * {@link #main} and tests.
   */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new RllCommand());
    ServiceLoader.load(CommandPlugin.class).forEach(commandLine::addSubcommand);
    return commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(RllCommand::reportRllException);
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
