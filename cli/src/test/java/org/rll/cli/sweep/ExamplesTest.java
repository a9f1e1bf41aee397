package org.rll.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.activities.resolve.LossResolver;
import org.rll.activities.resolve.SpecResolver;
import org.rll.cli.spec.SpecFile;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepRun;

/** Every sweep file under {@code examples/} plans, and every one of its runs resolves. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void planAndResolve(Path example) {
    String name = example.getFileName().toString().replace(".yaml", "");
    SweepPlan plan = SweepPlan.of(name, SpecFile.read(example).toSweep());
    for (SweepRun run : plan.runs()) {
      SpecResolver.resolve(run.spec());
    }
    assertEquals(0, plan.runs().size() % 3, "every setting runs with 3 seeds");
  }

  @Test
  void table1RunsEveryLossType() {
    SweepPlan plan =
        SweepPlan.of(
            "table1", SpecFile.read(EXAMPLES.resolve("table1-fashion-mnist.yaml")).toSweep());
    assertEquals(
        List.copyOf(LossResolver.typeNames()),
        plan.runs().stream().map(r -> r.spec().loss().type()).distinct().toList());
  }
}
