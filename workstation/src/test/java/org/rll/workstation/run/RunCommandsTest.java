package org.rll.workstation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.db.ResultsRepository;
import org.rll.workflows.RunStatus;
import org.rll.workstation.dev.DevStack;

/** {@code rll train, status, cancel, resume} against a dev stack whose activities are fakes. */
class RunCommandsTest {
  @TempDir static Path home;

  private static FakeStack fake;
  private static DevStack stack;
  private static FakeActivities fakes;
  private static ResultsRepository results;

  @BeforeAll
  static void startStack() {
    fake = FakeStack.start(home, 50);
    stack = fake.stack;
    fakes = fake.fakes;
    results = fake.results;
  }

  @AfterAll
  static void stopStack() {
    fake.close();
  }

  @Test
  void trainFollowsTheRunToItsEndAndPrintsItsMetrics() throws Exception {
    Path spec = home.resolve("follow.yaml");
    Files.writeString(
        spec,
        """
        dataset: {source: "file:///data/fake", notes: ignored}
        training: {iterations: 500, optimiserOfTheFuture: adam}
        """);
    Cli.Captured run = rll("train", spec.toString(), "--iterations", "20", "--run-id", "follow");
    assertEquals(0, run.exit(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "run follow started (workflow follow on " + stack.temporalTarget() + ")", lines.get(0));
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("train +\\[#*\\.*] \\d+/20.*")), run.toString());
    assertEquals(
        List.of(
            "run follow SUCCEEDED after 20 iterations; model runs/follow/model.onnx",
            "metrics (%) at iteration 20:",
            "  H       R@1 87.5  NMI 50.0"),
        lines.subList(lines.size() - 3, lines.size()));
    assertTrue(fakes.plans.contains("follow/follow"), fakes.plans.toString());
  }

  @Test
  void aDetachedRunIsShownCancelledAndResumedFromItsCheckpoint() throws Exception {
    Cli.Captured train =
        rll(
            "train",
            "--source",
            "file:///data/fake",
            "--iterations",
            "100",
            "--run-id",
            "r1",
            "--detach");
    assertEquals(0, train.exit(), train.toString());
    assertEquals(
        "run r1 started (workflow r1 on "
            + stack.temporalTarget()
            + ")\nrll status r1 shows where it is\n",
        train.out());
    await(() -> results.checkpoints("r1").size() >= 10);

    Cli.Captured running = rll("status", "r1");
    assertEquals(0, running.exit(), running.toString());
    assertTrue(
        running.out().startsWith("run r1  RUNNING  dataset fake  workflow r1\n"), running.out());
    assertTrue(running.out().contains("\nnewest checkpoint: iteration "), running.out());
    assertTrue(running.out().contains("\nlast logged iteration "), running.out());
    assertTrue(running.out().contains("\nworkflow r1 is running: train "), running.out());

    Cli.Captured refused = rll("resume", "r1");
    assertEquals(2, refused.exit(), refused.toString());
    assertTrue(refused.err().contains("run r1 is still running as workflow r1"), refused.err());

    Cli.Captured cancel = rll("cancel", "r1");
    assertEquals(0, cancel.exit(), cancel.toString());
    assertTrue(cancel.out().startsWith("asked run r1 (workflow r1) to stop"), cancel.out());
    await(() -> results.run("r1").orElseThrow().status() == RunStatus.CANCELLED);
    long stoppedAt = results.checkpoints("r1").size();
    assertTrue(stoppedAt < 100, "stopped at " + stoppedAt);

    Cli.Captured cancelled = rll("status", "r1");
    assertTrue(cancelled.out().startsWith("run r1  CANCELLED"), cancelled.out());
    assertTrue(cancelled.out().contains("\nworkflow r1 COMPLETED\n"), cancelled.out());
    Cli.Captured again = rll("cancel", "r1");
    assertEquals(1, again.exit(), again.toString());
    assertEquals("run r1 is not running (CANCELLED): nothing to cancel\n", again.out());

    Cli.Captured resume = rll("resume", "r1");
    assertEquals(0, resume.exit(), resume.toString());
    assertTrue(
        resume.out().startsWith("run r1 (CANCELLED) resumed as workflow r1-resume-1 on "),
        resume.out());
    assertTrue(resume.out().contains("\nrun r1 SUCCEEDED after 100 iterations"), resume.out());
    assertEquals(
        List.of("r1/r1", "r1/r1-resume-1"),
        fakes.plans.stream().filter(p -> p.startsWith("r1/")).toList());
    List<String> starts = fakes.chunkStarts.stream().filter(s -> s.startsWith("r1@")).toList();
    assertEquals(1, starts.stream().filter("r1@0"::equals).count(), starts.toString());
    assertTrue(starts.contains("r1@" + stoppedAt), stoppedAt + " " + starts);

    Cli.Captured done = rll("status", "r1");
    assertTrue(
        done.out().startsWith("run r1  SUCCEEDED  dataset fake  workflow r1-resume-1\n"),
        done.out());
    assertTrue(
        done.out().contains("\nmetrics (%) at iteration 100:\n  H       R@1 87.5"), done.out());
  }

  @Test
  void aFailedRunExitsOneWithTheReason() {
    Cli.Captured run = rll("train", "--source", "bad:nowhere", "--run-id", "broken");
    assertEquals(1, run.exit(), run.toString());
    assertTrue(
        run.out().contains("workflow broken failed: unknown dataset source scheme: bad:nowhere"),
        run.out());
  }

  @Test
  void anUnknownRunIsBadInput() {
    Cli.Captured status = rll("status", "never-started");
    assertEquals(2, status.exit(), status.toString());
    assertTrue(status.err().contains("no run never-started"), status.err());
    Cli.Captured resume = rll("resume", "never-started");
    assertEquals(2, resume.exit(), resume.toString());
    assertTrue(resume.err().contains("no run never-started in the PostgreSQL at"), resume.err());
  }

  private static Cli.Captured rll(String... args) {
    return fake.rll(args);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    FakeStack.await(condition);
  }
}
