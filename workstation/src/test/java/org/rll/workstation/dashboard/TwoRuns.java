package org.rll.workstation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.rll.cli.Cli;
import org.rll.workstation.run.FakeStack;

/**
 * The dev stack the dashboard tests look at, with fake training at 100 ms an iteration: run {@code
 * done}, finished, and run {@code live}, started after it and still training (100,000 iterations).
 */
final class TwoRuns {
  private TwoRuns() {}

  static FakeStack start(Path home, int doneIterations) throws InterruptedException {
    FakeStack fake = FakeStack.start(home, 100);
    Cli.Captured done =
        fake.rll(
            "train",
            "--source",
            "file:///data/fake",
            "--iterations",
            "" + doneIterations,
            "--run-id",
            "done");
    assertEquals(0, done.exit(), done.toString());
    Cli.Captured live =
        fake.rll(
            "train",
            "--source",
            "file:///data/fake",
            "--iterations",
            "100000",
            "--run-id",
            "live",
            "--detach");
    assertEquals(0, live.exit(), live.toString());
    FakeStack.await(() -> fake.results().trainingLog("live").size() >= 2);
    return fake;
  }
}
