package org.rll.cli.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.RllCommand;
import org.rll.core.dataset.format.Fixtures;
import picocli.CommandLine;

class DatasetPrepareCommandTest {
  @TempDir Path dir;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = RllCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Prepares {@code source} as CUB-200 into this test's store and scratch directory. */
  private int prepareCub(StringWriter out, StringWriter err, String source) {
    return run(
        out,
        err,
        "dataset",
        "prepare",
        "--source",
        source,
        "--format",
        "cub200",
        "--store-dir",
        dir.resolve("store").toString(),
        "--scratch",
        dir.resolve("scratch").toString());
  }

  @Test
  void preparesAnArchiveIntoALocalStoreAndPrintsTheCounts() throws Exception {
    Path archive = dir.resolve("cub-mini.tgz");
    Files.write(archive, Fixtures.tarGz(Fixtures.cub(dir.resolve("src/CUB_200_2011")).getParent()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = prepareCub(out, err, archive.toString());
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

  @Test
  void aSourceThatIsNotAnArchiveIsNamedInOneLineAndExitsWith2() throws Exception {
    Path source = Files.write(dir.resolve("x.tgz"), new byte[] {(byte) 0x8f, 0x3a, 0x11, 0x07, 0});
    StringWriter err = new StringWriter();
    assertEquals(2, prepareCub(new StringWriter(), err, source.toString()));
    assertEquals(
        "rll: 'x.tgz' is not a gzip stream (first bytes 8f 3a 11 07 00); expected .tgz, .tar.gz,"
            + " .tar or .zip"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void otherBadSourcesEndTheSameWay() throws Exception {
    Path pngs = dir.resolve("pngs");
    Fixtures.image(pngs.resolve("a.png"), "png", 1);
    Fixtures.image(pngs.resolve("b.png"), "png", 2);
    Path zip = Fixtures.bytes(dir.resolve("pngs.zip"), Fixtures.zip(pngs));
    Path missing = dir.resolve("missing.tgz");
    Map<String, String> messages =
        Map.of(
            zip.toString(),
            "rll: cub200 dataset: missing label file images.txt (looked for"
                + " CUB_200_2011/images.txt and images.txt; the top level holds a.png, b.png)",
            missing.toString(),
            "rll: no file at '" + missing + "'",
            "http://:8080/x.tgz",
            "rll: dataset source 'http://:8080/x.tgz' has no host name");
    for (Map.Entry<String, String> source : messages.entrySet()) {
      StringWriter err = new StringWriter();
      assertEquals(2, prepareCub(new StringWriter(), err, source.getKey()), err.toString());
      assertEquals(source.getValue(), err.toString().strip());
    }
  }
}
