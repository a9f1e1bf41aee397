package org.rll.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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

  public static Captured rll(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Captured(exit, out.toString(), err.toString());
  }
}
