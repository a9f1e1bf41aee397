package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.cli.Cli;

class BenchDecodeCommandTest {

  @Test
  void printsBothRatesAndTheRatioForEachSize() {
    Cli.Captured run = Cli.rll("bench", "decode", "--images", "2", "--repeat", "1");
    String out = run.out();
    assertEquals(0, run.exit(), run.toString());
    assertTrue(out.matches("(?s).*CUB-like 500x375: +2 JPEGs.*CARS-like 700x480: +2 JPEGs.*"), out);
    assertEquals(2, out.split("ImageIO\\+Java2D:", -1).length - 1, out);
    assertEquals(2, out.split("ratio:", -1).length - 1, out);
  }

  @Test
  void aBadImageCountIsRejected() {
    Cli.Captured run = Cli.rll("bench", "decode", "--images", "0");
    assertEquals(2, run.exit(), run.toString());
    assertTrue(run.err().contains("images must be positive, got 0"), run.err());
  }
}
