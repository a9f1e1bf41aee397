package org.rll.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rll.cli.Cli;
import org.rll.cli.RllCommand;
import picocli.CommandLine;

/** The commands a workstation build adds to the product command line. */
class WorkstationCommandsTest {

  @Test
  void devSaysTemporalStateIsInMemoryOnly() {
    Cli.Captured run = Cli.rll("dev", "--help");
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains("keeps its state in memory only"), run.out());
    assertTrue(run.out().contains("--temporal-port"), run.out());
  }

  @Test
  void badDemoInputEndsWithItsMessageAndExitCode2() {
    Cli.Captured run = Cli.rll("demo", "--c", "6", "--home", "unused");
    assertEquals(2, run.exit(), run.toString());
    assertEquals(
        "rll: classesPerBatch must be in [2, 5] (the training classes), got 6", run.err().strip());
  }

  @Test
  void devAndDemoKeepTheirDataUnderRllHome() {
    for (String command : List.of("dev", "demo")) {
      CommandLine cli = RllCommand.newCommandLine(Map.of("RLL_HOME", "/data/rll"));
      cli.parseArgs(command);
      assertEquals(
          Path.of("/data/rll"),
          cli.getSubcommands().get(command).getCommandSpec().findOption("--home").getValue(),
          command);
    }
  }

  @Test
  void everyCommandIsListedOnce() {
    Cli.Captured run = Cli.rll("--help");
    for (String name :
        new String[] {
          "bench", "cancel", "dataset", "demo", "dev", "report", "results", "resume", "status",
          "train", "worker"
        }) {
      assertTrue(run.out().contains("\n  " + name + " "), run.out());
    }
  }
}
