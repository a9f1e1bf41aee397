package org.rll.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
}
