package org.rll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.TransientStorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class RllCommandTest {

  /** A command that fails as a storage fault that may pass. */
  @Command(name = "flaky")
  static final class Flaky implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new TransientStorageException("cannot read s3://b/k: HTTP 503 SlowDown", null);
    }
  }

  @Test
  void aFaultThatMayPassEndsWithItsMessageAndExitCode1() {
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine().addSubcommand(new Flaky());
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("flaky"));
    assertEquals("rll: cannot read s3://b/k: HTTP 503 SlowDown", err.toString().strip());
  }

  @Test
  void theProductCommandLineHasNoWorkstationCommands() {
    for (String command : new String[] {"bench", "demo", "dev"}) {
      Cli.Captured run = Cli.rll(command);
      assertEquals(2, run.exit(), run.toString());
      assertTrue(
          run.err().startsWith("Unmatched argument at index 0: '" + command + "'"), run.err());
    }
  }

  @Test
  void withoutAnEmbeddedDatabaseResultsNeedADatabaseUrl(@TempDir Path home) {
    Cli.Captured run = Cli.rll("results", "--pg-dir", home.resolve("pg").toString());
    assertEquals(2, run.exit(), run.toString());
    assertEquals(
        "rll: no results database: give --db-url or RLL_DB_URL (this build of rll has no embedded"
            + " PostgreSQL)",
        run.err().strip());
  }
}
