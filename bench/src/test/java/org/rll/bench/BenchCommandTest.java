package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** Small runs of the benchmarks that other tests do not run, each printing its last line. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "embed --batch 2 --batches 1 | ratio: ONNX Runtime embeds at",
        "eval --n 40 --dim 8 --classes 8 --ks 1,2 --repeat 1 | peak JVM heap:",
        "kmeans --n 40 --dim 8 --k 4 | total fit:",
        "loss --batch 6 --dim 8 --iterations 2 --warmup 1 | naive Java reference, 1 call",
        "loss --type triplet --batch 6 --dim 8 --iterations 2 --warmup 1 | triplet fwd+bwd",
        "loss --type proxy-anchor --batch 6 --dim 8 --iterations 2 --warmup 1 | proxy-anchor fwd+bwd",
        "manifest --iterations 4 --classes 6 --images 24 --c 2 --k 3 --repeats 1 | round trip"
      })
  void everyBenchmarkPrintsToTheCommandLinesOutput(String args, String line) {
    Cli.Captured run = Cli.rll(("bench " + args).split(" "));

    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains(line), run.toString());
  }

  @Test
  void anUnknownLossTypeIsAUsageError() {
    Cli.Captured run = Cli.rll("bench", "loss", "--type", "arcface");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(
        run.err().startsWith("--type must be one of ranked-list, contrastive, triplet,"),
        run.err());
  }
}
