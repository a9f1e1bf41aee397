package org.rll.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.rll.cli.RllCommand;

/**
 * An {@code rll} command run in this JVM with its standard output captured.
 *
 * @param exit the exit code
 * @param out everything printed to standard output
 */
record CapturedRun(int exit, String out) {

  /** Runs {@code rll args...}. */
  static CapturedRun of(String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = RllCommand.newCommandLine().execute(args);
      return new CapturedRun(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }
}
