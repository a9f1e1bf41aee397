package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.cli.Cli;

class BenchTrainCommandTest {

  @Test
  void printsEveryPhaseBothRatesAndTheRatio() {
    Cli.Captured run =
        Cli.rll(
            "bench",
            "train",
            "--backbone",
            "small-conv",
            "--batch",
            "6",
            "--heads",
            "M,H",
            "--dim",
            "8",
            "--iterations",
            "2",
            "--warmup",
            "1");
    String out = run.out();
    assertEquals(0, run.exit(), run.toString());
    assertTrue(out.contains("rll bench train on cpu() (CPU"), out);
    assertTrue(
        out.contains(
            "model(small-conv, heads=[M, H], dim=8), batch 6 (2 classes x 3), input 1x28x28,"
                + " 2 steps each after 1 warm-up"),
        out);
    for (String row :
        new String[] {
          "\n  batch in/out",
          "\n  zero gradients",
          "\n  forward",
          "\n  loss",
          "\n  backward",
          "\n  optimizer",
          "\nmedian step ms",
          "\nimages/s",
          "\nratio: the RLL step takes",
          "\nloss: its forward is"
        }) {
      assertTrue(out.contains(row), row + " missing from\n" + out);
    }
  }

  @Test
  void aBatchThatIsNotWholeClassesIsRejected() {
    Cli.Captured run = Cli.rll("bench", "train", "--backbone", "small-conv", "--batch", "7");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "batch must be a multiple of 3 images per class holding two classes or more, got 7"),
        run.err());
  }
}
