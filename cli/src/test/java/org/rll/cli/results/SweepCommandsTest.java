package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rll.cli.Cli;

class SweepCommandsTest {

  @RegisterExtension static final ResultsFixture db = ResultsFixture.sweep();

  @Test
  void printsOneRowPerSettingInTheSweepsOrderWithMeanAndStdOverSeeds() {
    Cli.Captured run = db.rll("results", "--sweep", "sw");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(
        """
        loss.type    loss.alpha  head   n         R@1         R@2         R@4          R@8         NMI       MAP@R
        triplet      1.4         L,M,H  2  56.3 ± 8.8  68.8 ± 8.8  81.3 ± 8.8   93.8 ± 8.8  56.3 ± 8.8  31.3 ± 8.8
        triplet      1.2         L,M,H  1    37.5 ± -    50.0 ± -    62.5 ± -     75.0 ± -    37.5 ± -    12.5 ± -
        ranked-list  1.4         L,M,H  2  78.1 ± 4.4  90.6 ± 4.4  93.8 ± 0.0  100.0 ± 0.0  71.9 ± 4.4  53.1 ± 4.4
        ranked-list  1.2         L,M,H  1    62.5 ± -    75.0 ± -    81.3 ± -     87.5 ± -    56.3 ± -    37.5 ± -
        """,
        run.out());
  }

  @Test
  void printsCsv() {
    Cli.Captured run = db.rll("results", "--sweep", "sw", "--format", "csv");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        loss.type,loss.alpha,head,n,R@1_mean,R@1_std,R@2_mean,R@2_std,R@4_mean,R@4_std,R@8_mean,R@8_std,NMI_mean,NMI_std,MAP@R_mean,MAP@R_std
        triplet,1.4,"L,M,H",2,0.5625,0.08838834764831845,0.6875,0.08838834764831845,0.8125,0.08838834764831845,0.9375,0.08838834764831845,0.5625,0.08838834764831845,0.3125,0.08838834764831845
        triplet,1.2,"L,M,H",1,0.375,,0.5,,0.625,,0.75,,0.375,,0.125,
        ranked-list,1.4,"L,M,H",2,0.78125,0.04419417382415922,0.90625,0.04419417382415922,0.9375,0.0,1.0,0.0,0.71875,0.04419417382415922,0.53125,0.04419417382415922
        ranked-list,1.2,"L,M,H",1,0.625,,0.75,,0.8125,,0.875,,0.5625,,0.375,
        """,
        run.out());
  }

  @Test
  void printsJson() {
    Cli.Captured run = db.rll("results", "--sweep", "sw", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonArray rows = JsonParser.parseString(run.out()).getAsJsonArray();
    assertEquals(4, rows.size());
    assertEquals(
        JsonParser.parseString(
            """
            {"loss.type": "triplet", "loss.alpha": 1.2, "head": "L,M,H", "n": 1,
             "R@1_mean": 0.375, "R@1_std": null, "R@2_mean": 0.5, "R@2_std": null,
             "R@4_mean": 0.625, "R@4_std": null, "R@8_mean": 0.75, "R@8_std": null,
             "NMI_mean": 0.375, "NMI_std": null, "MAP@R_mean": 0.125, "MAP@R_std": null}
            """),
        rows.get(1));
  }

  @Test
  void sortsByAMetricHighestFirst() {
    Cli.Captured run = db.rll("results", "--sweep", "sw", "--sort", "map@r", "--format", "csv");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        loss.type,loss.alpha,head,n,R@1_mean,R@1_std,R@2_mean,R@2_std,R@4_mean,R@4_std,R@8_mean,R@8_std,NMI_mean,NMI_std,MAP@R_mean,MAP@R_std
        ranked-list,1.4,"L,M,H",2,0.78125,0.04419417382415922,0.90625,0.04419417382415922,0.9375,0.0,1.0,0.0,0.71875,0.04419417382415922,0.53125,0.04419417382415922
        ranked-list,1.2,"L,M,H",1,0.625,,0.75,,0.8125,,0.875,,0.5625,,0.375,
        triplet,1.4,"L,M,H",2,0.5625,0.08838834764831845,0.6875,0.08838834764831845,0.8125,0.08838834764831845,0.9375,0.08838834764831845,0.5625,0.08838834764831845,0.3125,0.08838834764831845
        triplet,1.2,"L,M,H",1,0.375,,0.5,,0.625,,0.75,,0.375,,0.125,
        """,
        run.out());
  }

  @Test
  void anUnknownSweepOrSortMetricIsNamedAndExitsWith2() {
    Cli.Captured ghost = db.rll("results", "--sweep", "ghost");
    assertEquals(2, ghost.exit());
    assertTrue(
        ghost.err().startsWith("rll: no sweep 'ghost' in the PostgreSQL at jdbc:postgresql://"),
        ghost.err());

    Cli.Captured sort = db.rll("results", "--sweep", "sw", "--sort", "R@16");
    assertEquals(2, sort.exit());
    assertEquals(
        "rll: cannot sort by 'R@16': the sweep's metrics are R@1, R@2, R@4, R@8, NMI, MAP@R\n",
        sort.err());

    Cli.Captured noSweep = db.rll("results", "--sort", "R@1");
    assertEquals(2, noSweep.exit());
    assertEquals("rll: --sort R@1 orders a sweep's settings: give --sweep too\n", noSweep.err());
  }

  @Test
  void reportWritesOnePngPerAxis(@TempDir Path dir) throws IOException {
    Cli.Captured run = db.rll("report", "--sweep", "sw", "--out", dir.toString(), "--no-upload");

    assertEquals(0, run.exit(), run.err());
    assertEquals(
        "wrote " + dir.resolve("loss.type.png") + "\nwrote " + dir.resolve("loss.alpha.png") + "\n",
        run.out());
    for (String name : List.of("loss.type.png", "loss.alpha.png")) {
      ReportCommandTest.assertChart(Files.readAllBytes(dir.resolve(name)));
    }
  }

  @Test
  void reportTakesARunOrASweepAndNamesAnUnknownSweep() {
    Cli.Captured both = db.rll("report", "r1", "--sweep", "sw");
    assertEquals(2, both.exit());
    assertEquals(
        "rll: give a run id or --sweep <id>, one of them; got run 'r1' and sweep 'sw'\n",
        both.err());

    Cli.Captured ghost = db.rll("report", "--sweep", "ghost", "--no-upload");
    assertEquals(2, ghost.exit());
    assertTrue(
        ghost.err().startsWith("rll: no sweep 'ghost' in the PostgreSQL at jdbc:postgresql://"),
        ghost.err());
  }
}
