package org.rll.workstation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.workflows.RunStatus;
import org.rll.workflows.sweep.RllSweep;
import org.rll.workflows.sweep.SweepProgress;
import org.rll.workflows.sweep.SweepResult;

/** {@code rll sweep} against a dev stack whose pipeline activities are fakes. */
class SweepCommandTest {
  @TempDir static Path home;

  private static FakeStack fake;

  @BeforeAll
  static void startStack() {
    fake = FakeStack.start(home, 5);
  }

  @AfterAll
  static void stopStack() {
    fake.close();
  }

  @Test
  void aSweepRunsEverySettingAndSeedAndSaysHowItEnded() throws Exception {
    Path file = home.resolve("alphas.yaml");
    Files.writeString(
        file,
        """
        base:
          dataset: {source: "file:///data/fake", format: cub200}
          training: {iterations: 10}
        axes:
          - path: loss.alpha
            values: [1.0, 1.4]
        seeds: [0, 1]
        maxParallel: 2
        """);
    Cli.Captured run = fake.rll("sweep", file.toString(), "--poll", "PT0.2S");

    assertEquals(0, run.exit(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertTrue(
        lines.get(0).startsWith("sweep alphas started: 4 runs (workflow alphas on "),
        run.toString());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("sweep alphas: 0 runs")), run.toString());
    assertTrue(
        lines.contains(
            "sweep alphas: 4 runs, 4 succeeded, 0 running, 0 pending, 0 failed, 0 cancelled;"
                + " best R@1 87.5 (loss.alpha=1, head H)"),
        run.toString());
    assertEquals(
        List.of(
            "loss.alpha  head  n         R@1         NMI  MAP@R",
            "1           H     2  87.5 ± 0.0  50.0 ± 0.0      -",
            "1.4         H     2  87.5 ± 0.0  50.0 ± 0.0      -"),
        lines.subList(lines.size() - 3, lines.size()),
        run.toString());
    assertEquals(
        4,
        fake.results.runs(Optional.empty()).stream()
            .filter(r -> r.runId().startsWith("alphas-") && r.status() == RunStatus.SUCCEEDED)
            .count());
  }

  @Test
  void aSweepFileThatNamesNoFieldIsRefusedBeforeAnythingStarts() throws Exception {
    Path file = home.resolve("typo.yaml");
    Files.writeString(
        file,
        """
        base: {dataset: {source: "file:///data/fake"}}
        axes: [{path: loss.alpah, values: [1.0]}]
        """);
    Cli.Captured run = fake.rll("sweep", file.toString());

    assertEquals(2, run.exit(), run.toString());
    assertEquals(
        "rll: loss.alpah is not a spec field; the fields of loss are alpha, balance, lrMultiplier,"
            + " margin, positiveTemperature, temperature, type",
        run.err().strip());
  }

  @Test
  void rllCancelStopsASweepsRunsAfterTheirCurrentIteration() throws Exception {
    Path file = home.resolve("long.yaml");
    Files.writeString(
        file,
        """
        base:
          dataset: {source: "file:///data/fake", format: cub200}
          training: {iterations: 100000}
        axes: [{path: loss.alpha, values: [1.0, 1.2, 1.4]}]
        maxParallel: 2
        """);
    Cli.Captured started = fake.rll("sweep", file.toString(), "--detach");
    assertEquals(0, started.exit(), started.toString());
    RllSweep sweep = fake.stack.temporal().client().newWorkflowStub(RllSweep.class, "long");
    FakeStack.await(() -> sweep.progress().running() == 2);

    Cli.Captured cancel = fake.rll("cancel", "long");
    assertEquals(0, cancel.exit(), cancel.toString());
    SweepResult result = WorkflowStub.fromTyped(sweep).getResult(SweepResult.class);

    SweepProgress end = result.progress();
    assertEquals(
        List.of(3, 1, 0, 0, 0, 2),
        List.of(
            end.total(),
            end.pending(),
            end.running(),
            end.succeeded(),
            end.failed(),
            end.cancelled()));
    List<RunStatus> statuses =
        fake.results.runs(Optional.empty()).stream()
            .filter(r -> r.runId().startsWith("long-"))
            .map(r -> r.status())
            .toList();
    assertEquals(List.of(RunStatus.CANCELLED, RunStatus.CANCELLED), statuses);

    Cli.Captured resumed = fake.rll("resume", "long", "--detach");
    assertEquals(0, resumed.exit(), resumed.toString());
    assertTrue(resumed.out().startsWith("sweep long resumed on "), resumed.toString());
    FakeStack.await(() -> sweep.progress().running() == 2);
    assertEquals(3, sweep.progress().total());
    assertEquals(0, fake.rll("cancel", "long").exit());
    WorkflowStub.fromTyped(sweep).getResult(SweepResult.class);
  }
}
