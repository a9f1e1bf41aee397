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
  void benchSweepGoesUnderBench() {
    Cli.Captured run = Cli.rll("bench");
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains("\n  sweep "), run.out());
    assertTrue(run.out().contains("\n  loss "), run.out());
  }

  @Test
  void benchSweepPrintsBothTimesAndTheirRatio() {
    Cli.Captured run = Cli.rll("bench", "sweep", "--runs", "1", "--iterations", "2");
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().startsWith("1 runs of 2 iterations, 1 round(s)\n"), run.out());
    assertTrue(run.out().contains("\none after another: "), run.out());
    assertTrue(run.out().contains("\nas one sweep: "), run.out());
    assertTrue(run.out().contains("\nratio: the sweep takes "), run.out());
  }

  @Test
  void benchUiTimesEachAnswerAgainstItsQuery() {
    Cli.Captured run = Cli.rll("bench", "ui", "--runs", "3", "--log-rows", "50", "--repeat", "1");
    assertEquals(0, run.exit(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertEquals("3 runs of 20 log rows, one of 50 rows; median of 1", lines.get(0));
    assertTrue(lines.get(1).startsWith("GET /api/runs "), run.out());
    assertTrue(lines.get(2).startsWith("GET /api/runs/long-run/log "), run.out());
    assertTrue(lines.get(2).contains(" ratio "), run.out());
  }

  @Test
  void devRefusesQueuesWithoutCpu() {
    Cli.Captured run = Cli.rll("dev", "--queues", "gpu");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(
        run.err().contains("--queues must include cpu: rll dev runs the workflows, on rll-cpu"),
        run.err());
  }

  @Test
  void benchSweepRejectsNoRuns() {
    Cli.Captured run = Cli.rll("bench", "sweep", "--runs", "0");
    assertEquals(2, run.exit(), run.toString());
    assertEquals("rll: --runs must be at least 1, got 0", run.err().strip());
  }

  @Test
  void everyCommandIsListedOnce() {
    Cli.Captured run = Cli.rll("--help");
    for (String name :
        new String[] {
          "bench", "cancel", "dataset", "demo", "dev", "report", "results", "resume", "status",
          "train", "ui", "worker"
        }) {
      assertTrue(run.out().contains("\n  " + name + " "), run.out());
    }
  }
}
