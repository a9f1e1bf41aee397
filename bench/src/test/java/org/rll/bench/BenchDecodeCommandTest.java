package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rll.cli.RllCommand;
import picocli.CommandLine;

class BenchDecodeCommandTest {

  @Test
  void printsBothRatesAndTheRatioForEachSize() {
    CapturedRun run = CapturedRun.of("bench", "decode", "--images", "2", "--repeat", "1");
    String out = run.out();
    assertEquals(0, run.exit(), out);
    assertTrue(out.matches("(?s).*CUB-like 500x375: +2 JPEGs.*CARS-like 700x480: +2 JPEGs.*"), out);
    assertEquals(2, out.split("ImageIO\\+Java2D:", -1).length - 1, out);
    assertEquals(2, out.split("ratio:", -1).length - 1, out);
  }

  @Test
  void aBadImageCountIsRejected() {
    StringWriter err = new StringWriter();
    CommandLine cli = RllCommand.newCommandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("bench", "decode", "--images", "0"));
    assertTrue(err.toString().contains("images must be positive, got 0"), err.toString());
  }
}
