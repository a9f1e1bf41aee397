package org.rll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandHelpTest {

  @Test
  void workerOffersQueuesAndActivitiesOnly() {
    String help = help("worker");
    assertTrue(help.contains("--queues=<queue>"), help);
    assertTrue(help.contains("--activities-only"), help);
    assertTrue(help.contains("RLL_TEMPORAL_TARGET"), help);
  }

  @Test
  void anUnknownQueueIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(2, cli.execute("worker", "--queues", "tpu"));
    assertTrue(err.toString().contains("tpu"), err.toString());
  }

  private static String help(String command) {
    StringWriter out = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute(command, "--help"));
    return out.toString();
  }
}
