package org.rll.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.TransientStorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class RllCommandTest {

  @Test
  void benchListsEveryBenchmark() {
    StringWriter out = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out));
    assertEquals(0, cli.execute("bench"));
    for (String name : new String[] {"eval", "kmeans", "loss", "manifest"}) {
      assertTrue(out.toString().contains("  " + name + " "), out.toString());
    }
  }

  @Test
  void badInputEndsWithItsMessageAndExitCode2() {
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("demo", "--c", "6", "--home", "unused"));
    assertEquals(
        "rll: classesPerBatch must be in [2, 5] (the training classes), got 6",
        err.toString().strip());
  }

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
}
