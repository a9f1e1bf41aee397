package org.rll.workstation.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.rll.cli.CommandPlugin;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.idx.FashionMnist;
import org.rll.workflows.sweep.SweepSpec;
import org.rll.workstation.dev.DevPorts;
import org.rll.workstation.dev.DevStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench sweep}: a sweep's wall time against its runs started one after another, on one
 * embedded stack in a scratch home that is deleted afterwards.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the embedded stack in a temporary home and trains short runs of the small conv net"
          + " on the bundled Fashion-MNIST test set: one untimed warm-up run, then the same"
          + " --runs runs twice, as plain RllPipeline workflows one after another and as one"
          + " RllSweep with maxParallel 1, on the same worker. Prints both wall times and their"
          + " ratio. With --rounds above 1 the order alternates and the times add up."
    })
public final class BenchSweepCommand implements Callable<Integer>, CommandPlugin {
  @Spec CommandSpec spec;

  @Option(names = "--runs", description = "Runs of the sweep (default: ${DEFAULT-VALUE}).")
  int runs = 4;

  @Option(
      names = "--iterations",
      description = "Iterations of each run (default: ${DEFAULT-VALUE}).")
  int iterations = 40;

  @Option(
      names = "--rounds",
      description = "Timed rounds of both ways, order alternating (default: ${DEFAULT-VALUE}).")
  int rounds = 1;

  @Override
  public Optional<String> parent() {
    return Optional.of("bench");
  }

  @Override
  public Integer call() throws IOException {
    ValidationException.check(runs >= 1, "--runs must be at least 1, got %s", runs);
    ValidationException.check(
        iterations >= 1, "--iterations must be at least 1, got %s", iterations);
    ValidationException.check(rounds >= 1, "--rounds must be at least 1, got %s", rounds);
    PrintWriter out = spec.commandLine().getOut();
    try (ScratchHome scratch = ScratchHome.create("rll-bench-sweep");
        DevStack stack = DevStack.start(scratch.directory(), DevPorts.free())) {
      SweepSpec sweep =
          ShortSweep.of(
              FashionMnist.copyBundledTestSet(scratch.directory().resolve("fashion-mnist")),
              iterations,
              iterations,
              "[{\"path\": \"loss.type\", \"values\": [\"ranked-list\"]}]",
              LongStream.range(0, runs).boxed().toList(),
              1);
      SweepBenchmark benchmark = new SweepBenchmark(stack.temporal().client(), sweep);
      benchmark.warmUp("warm-up");
      double plain = 0;
      double swept = 0;
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 0) {
          plain += benchmark.oneAfterAnother("plain-" + round);
          swept += benchmark.asSweep("sweep-" + round);
        } else {
          swept += benchmark.asSweep("sweep-" + round);
          plain += benchmark.oneAfterAnother("plain-" + round);
        }
      }
      print(out, plain, swept);
      return 0;
    }
  }

  private void print(PrintWriter out, double plain, double swept) {
    int total = runs * rounds;
    out.printf(
        Locale.ROOT,
        "%d runs of %d iterations, %d round(s)%n"
            + "one after another: %8.2f s  (%.2f s a run)%n"
            + "as one sweep:      %8.2f s  (%.2f s a run)%n"
            + "ratio: the sweep takes %.3fx the time of its runs one after another (%+.2f s a run)%n",
        runs,
        iterations,
        rounds,
        plain,
        plain / total,
        swept,
        swept / total,
        swept / plain,
        (swept - plain) / total);
    out.flush();
  }
}
