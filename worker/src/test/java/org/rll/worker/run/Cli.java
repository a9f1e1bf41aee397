package org.rll.worker.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.rll.worker.cli.RllCommand;
import picocli.CommandLine;

/** Runs {@code rll} in this process and captures what it printed. */
final class Cli {

  /** An {@code rll} command's exit code and what it printed. */
  record Captured(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\nout:\n" + out + "err:\n" + err;
    }
  }

  private Cli() {}

  static Captured rll(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Captured(exit, out.toString(), err.toString());
  }
}
