package org.rll.workstation.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.rll.cli.Cli;
import org.rll.db.ResultsRepository;
import org.rll.worker.Queue;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;

/** A dev stack on free ports whose activities are {@link FakeActivities}, and {@code rll} on it. */
public final class FakeStack implements AutoCloseable {
  final DevStack stack;
  final FakeActivities fakes;
  final ResultsRepository results;

  private FakeStack(DevStack stack, FakeActivities fakes) {
    this.stack = stack;
    this.fakes = fakes;
    this.results = new ResultsRepository(stack.dataSource());
  }

  public static FakeStack start(Path home, long millisPerIteration) {
    return start(home, millisPerIteration, EnumSet.allOf(Queue.class));
  }

  /** A stack whose worker polls only {@code queues}. */
  public static FakeStack start(Path home, long millisPerIteration, Set<Queue> queues) {
    FakeActivities[] fakes = new FakeActivities[1];
    DevStack stack =
        DevStack.start(
            home,
            DevPorts.free(),
            env -> (fakes[0] = new FakeActivities(env, millisPerIteration)).activities(),
            queues);
    return new FakeStack(stack, fakes[0]);
  }

  /**
   * {@code rll args...} against the stack, progress asked for every 100 ms; {@code train} finds the
   * database through the stack's workflow, the other commands get its URL.
   */
  public Cli.Captured rll(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!"train".equals(args[0])) {
      all.addAll(List.of("--db-url", stack.databaseUrl()));
    }
    all.addAll(List.of("--temporal-target", stack.temporalTarget()));
    if (List.of("train", "resume").contains(args[0])) {
      all.addAll(List.of("--poll", "PT0.1S"));
    }
    return Cli.rll(all.toArray(String[]::new));
  }

  /** Waits up to 60 s for {@code condition}. */
  public static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), "timed out");
      Thread.sleep(50);
    }
  }

  /** The stack. */
  public DevStack stack() {
    return stack;
  }

  /** The stack's results database. */
  public ResultsRepository results() {
    return results;
  }

  @Override
  public void close() {
    stack.close();
  }
}
