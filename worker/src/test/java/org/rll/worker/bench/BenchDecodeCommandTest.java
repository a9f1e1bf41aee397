package org.rll.worker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rll.worker.cli.RllCommand;
import picocli.CommandLine;

class BenchDecodeCommandTest {

  @Test
  void printsBothRatesAndTheRatioForEachSize() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          RllCommand.newCommandLine().execute("bench", "decode", "--images", "2", "--repeat", "1");
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, out);
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
