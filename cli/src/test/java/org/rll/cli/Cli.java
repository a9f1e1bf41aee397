package org.rll.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code rll} in this process and captures what it printed. */
public final class Cli {

  /** An {@code rll} command's exit code and what it printed. */
  public record Captured(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nout:\n" + out + "err:\n" + err;
    }
  }

  private Cli() {}

  /** Runs {@code rll args...} in this process's environment. */
  public static Captured rll(String... args) {
    return rll(System.getenv(), args);
  }

  /** Runs {@code rll args...} with the defaults that {@code environment} selects. */
  public static Captured rll(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine(environment);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Captured(exit, out.toString(), err.toString());
  }
}
