package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rll.cli.Cli;

class ResultsCommandTest {

  @RegisterExtension static final ResultsFixture db = new ResultsFixture();

  @Test
  void printsTheLatestEvaluatedCheckpointOfEachRunAsATable() {
    Cli.Captured run = db.rll("results");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.err());
    assertEquals(
        """
        run  dataset  loss         head   iteration   R@1   R@2   R@4   R@8   NMI  MAP@R
        r1   cub      ranked-list  L            200  50.1  63.0  74.1  83.4  58.7   20.0
        r1   cub      ranked-list  M            200  54.2  66.8  78.0  86.2  60.2   22.4
        r1   cub      ranked-list  H            200  58.0  70.5  80.7  88.5  62.3   25.2
        r1   cub      ranked-list  L,M,H        200  61.7  72.9  82.3  89.6  64.9   27.8
        r2   cars     ranked-list  L            600  70.1  79.5  86.6  91.8  55.3      -
        r2   cars     ranked-list  M            600  72.9  81.6  88.2  92.7  56.9      -
        r2   cars     ranked-list  H            600  75.2  83.5  89.5  93.6  58.1      -
        r2   cars     ranked-list  L,M,H        600  77.4  85.3  90.8  94.3  59.6      -
        """,
        run.out());
  }

  @Test
  void printsCsv() {
    Cli.Captured run = db.rll("results", "--format", "csv");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        run,dataset,loss,head,iteration,R@1,R@2,R@4,R@8,NMI,MAP@R
        r1,cub,ranked-list,L,200,0.5011,0.6303,0.7412,0.8336,0.5872,0.2001
        r1,cub,ranked-list,M,200,0.5423,0.6677,0.7796,0.8624,0.6016,0.2243
        r1,cub,ranked-list,H,200,0.5804,0.7052,0.8066,0.8851,0.623,0.2517
        r1,cub,ranked-list,"L,M,H",200,0.6172,0.7289,0.8233,0.8964,0.6487,0.2779
        r2,cars,ranked-list,L,600,0.7012,0.7946,0.8661,0.9177,0.5533,
        r2,cars,ranked-list,M,600,0.7288,0.8163,0.8822,0.927,0.5694,
        r2,cars,ranked-list,H,600,0.7519,0.835,0.8951,0.9358,0.581,
        r2,cars,ranked-list,"L,M,H",600,0.7744,0.8527,0.9076,0.9431,0.5962,
        """,
        run.out());
  }

  @Test
  void printsJson() {
    Cli.Captured run = db.rll("results", "--format", "JSON", "--run", "r2");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        [
          {
            "run": "r2",
            "dataset": "cars",
            "loss": "ranked-list",
            "head": "L",
            "iteration": 600,
            "recall": {
              "1": 0.7012,
              "2": 0.7946,
              "4": 0.8661,
              "8": 0.9177
            },
            "nmi": 0.5533,
            "map_at_r": null
          },
          {
            "run": "r2",
            "dataset": "cars",
            "loss": "ranked-list",
            "head": "M",
            "iteration": 600,
            "recall": {
              "1": 0.7288,
              "2": 0.8163,
              "4": 0.8822,
              "8": 0.927
            },
            "nmi": 0.5694,
            "map_at_r": null
          },
          {
            "run": "r2",
            "dataset": "cars",
            "loss": "ranked-list",
            "head": "H",
            "iteration": 600,
            "recall": {
              "1": 0.7519,
              "2": 0.835,
              "4": 0.8951,
              "8": 0.9358
            },
            "nmi": 0.581,
            "map_at_r": null
          },
          {
            "run": "r2",
            "dataset": "cars",
            "loss": "ranked-list",
            "head": "L,M,H",
            "iteration": 600,
            "recall": {
              "1": 0.7744,
              "2": 0.8527,
              "4": 0.9076,
              "8": 0.9431
            },
            "nmi": 0.5962,
            "map_at_r": null
          }
        ]
        """,
        run.out());
  }

  @Test
  void filtersByDatasetAndShowsEveryCheckpointOnRequest() {
    Cli.Captured run = db.rll("results", "--dataset", "cub", "--all-checkpoints");
    assertEquals(0, run.exit(), run.err());
    assertEquals(
        """
        run  dataset  loss         head   iteration   R@1   R@2   R@4   R@8   NMI  MAP@R
        r1   cub      ranked-list  L            100  31.3  43.8  56.3  68.8  43.8   12.5
        r1   cub      ranked-list  M            100  37.5  50.0  62.5  75.0  50.0   18.8
        r1   cub      ranked-list  H            100  43.8  56.3  68.8  81.3  56.3   25.0
        r1   cub      ranked-list  L,M,H        100  50.0  62.5  75.0  87.5  62.5   31.3
        r1   cub      ranked-list  L            200  50.1  63.0  74.1  83.4  58.7   20.0
        r1   cub      ranked-list  M            200  54.2  66.8  78.0  86.2  60.2   22.4
        r1   cub      ranked-list  H            200  58.0  70.5  80.7  88.5  62.3   25.2
        r1   cub      ranked-list  L,M,H        200  61.7  72.9  82.3  89.6  64.9   27.8
        """,
        run.out());
  }

  @Test
  void namesRequestedRunsThatDoNotExist() {
    Cli.Captured run = db.rll("results", "--run", "r2", "--run", "ghost", "--format", "csv");
    assertEquals(0, run.exit(), run.err());
    assertEquals("rll: no run 'ghost'\n", run.err());
    assertEquals(db.rll("results", "--run", "r2", "--format", "csv").out(), run.out());
  }

  @Test
  void noEvaluatedRunIsAFriendlyLineAndExitCode0() {
    Cli.Captured table = db.rll("results", "--run", "r3");
    assertEquals(0, table.exit(), table.err());
    assertEquals("no evaluated runs\n", table.out());
    Cli.Captured json = db.rll("results", "--dataset", "sop", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    assertEquals("[]\n", json.out());
    assertEquals("rll: no evaluated runs\n", json.err());
  }
}
