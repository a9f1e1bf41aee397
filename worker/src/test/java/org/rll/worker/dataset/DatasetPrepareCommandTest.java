package org.rll.worker.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.Fixtures;
import org.rll.worker.cli.RllCommand;
import picocli.CommandLine;

class DatasetPrepareCommandTest {
  @TempDir Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void preparesAnArchiveIntoALocalStoreAndPrintsTheCounts() throws Exception {
    Path archive = dir.resolve("cub-mini.tgz");
    Files.write(archive, Fixtures.tarGz(Fixtures.cub(dir.resolve("src/CUB_200_2011")).getParent()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        run(
            out,
            err,
            "dataset",
            "prepare",
            "--source",
            archive.toString(),
            "--format",
            "cub200",
            "--store-dir",
            dir.resolve("store").toString(),
            "--scratch",
            dir.resolve("scratch").toString());
    assertEquals(0, exit, err.toString());
    String text = out.toString();
    assertTrue(text.matches("(?s).*train +4 +2\\n.*test +4 +2\\n.*rejected images: 0.*"), text);
    assertTrue(text.contains("/prepared-"), text);
  }

  @Test
  void anUnknownFormatIsNamedAndExitsWith2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        run(out, err, "dataset", "prepare", "--source", dir.toString(), "--format", "imagenet");
    assertEquals(2, exit);
    assertTrue(err.toString().startsWith("rll: "), err.toString());
    assertTrue(err.toString().contains("imagenet"), err.toString());
  }
}
