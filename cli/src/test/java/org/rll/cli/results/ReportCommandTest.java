package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

class ReportCommandTest {

  @RegisterExtension static final ResultsFixture db = new ResultsFixture();

  @TempDir Path dir;

  private Cli.Captured report(String run, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "report",
                run,
                "--out",
                dir.resolve("out").toString(),
                "--store-dir",
                dir.resolve("store").toString()));
    args.addAll(List.of(more));
    return db.rll(args.toArray(String[]::new));
  }

  @Test
  void writesEveryPlotAsAPngAndUploadsIt() throws IOException {
    Cli.Captured run = report("r1");

    assertEquals(0, run.exit(), run.err());
    Path out = dir.resolve("out");
    BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
    StringBuilder expected =
        new StringBuilder(
            "run r1: 1 of 10 logged iterations have a non-finite loss, left out of the loss"
                + " plot\n");
    for (String name : List.of("loss", "mined-pairs", "throughput", "recall")) {
      Path file = out.resolve(name + ".png");
      String key = "runs/r1/report/" + name + ".png";
      expected.append("wrote ").append(file).append('\n');
      expected.append("uploaded ").append(store.describe(key)).append('\n');
      assertChart(Files.readAllBytes(file));
      assertChart(store.readAllBytes(key));
    }
    assertEquals(expected.toString(), run.out());
  }

  @Test
  void withoutAStoreDirThePlotsAreUploadedUnderRllHome() {
    Path home = dir.resolve("home");
    Cli.Captured run =
        db.rll(
            Map.of("RLL_HOME", home.toString()),
            "report",
            "r2",
            "--out",
            dir.resolve("out").toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.isRegularFile(home.resolve("store/runs/r2/report/recall.png")), run.out());
  }

  @Test
  void aRunWithoutATrainingLogGetsOnlyItsRecallPlot() {
    Cli.Captured run = report("r2", "--no-upload");

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "run r2 has no training log: no loss, mined-pairs or throughput plot\n"
            + "wrote "
            + dir.resolve("out/recall.png")
            + "\n",
        run.out());
    assertEquals(List.of("recall.png"), list(dir.resolve("out")));
    assertFalse(Files.exists(dir.resolve("store")), "--no-upload opens no store");
  }

  @Test
  void aRunWithNothingToPlotFailsWithoutWritingFiles() {
    Cli.Captured run = report("r3");

    assertEquals(1, run.exit());
    assertEquals(
        "run r3 has no training log: no loss, mined-pairs or throughput plot\n"
            + "run r3 has Recall@K at fewer than two checkpoints: no recall plot\n",
        run.out());
    assertEquals("rll: nothing to plot for run 'r3'\n", run.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void anUnknownRunIsNamedAndExitsWith2() {
    Cli.Captured run = report("ghost");

    assertEquals(2, run.exit());
    assertTrue(
        run.err().startsWith("rll: no run 'ghost' in the PostgreSQL at jdbc:postgresql://"),
        run.err());
  }

  static void assertChart(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "a PNG");
    assertEquals(ReportCharts.WIDTH, image.getWidth());
    assertEquals(ReportCharts.HEIGHT, image.getHeight());
  }

  private static List<String> list(Path directory) {
    try (var files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
