package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.cli.Cli;

class BenchCommandTest {

  @Test
  void benchListsEveryBenchmark() {
    Cli.Captured run = Cli.rll("bench");
    assertEquals(0, run.exit(), run.toString());
    for (String name :
        new String[] {"decode", "embed", "eval", "kmeans", "loss", "manifest", "train"}) {
      assertTrue(run.out().contains("  " + name + " "), run.out());
    }
  }
}
