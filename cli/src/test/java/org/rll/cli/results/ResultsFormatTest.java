package org.rll.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResultsFormatTest {

  private static final ResultsTable TABLE =
      new ResultsTable(
          List.of(1, 10),
          List.of(
              new ResultsRow(
                  "run \"one\"",
                  null,
                  "ranked-list",
                  "L,M,H",
                  1200,
                  new TreeMap<>(Map.of(1, 0.00001, 10, 1.0)),
                  OptionalDouble.of(0.66666),
                  OptionalDouble.empty()),
              new ResultsRow(
                  "r2",
                  "sop",
                  "triplet",
                  "H",
                  5,
                  new TreeMap<>(Map.of(10, 0.0)),
                  OptionalDouble.empty(),
                  OptionalDouble.of(0.5))));

  @Test
  void tableAlignsNamesLeftAndPercentagesRight() {
    assertEquals(
        """
        run        dataset  loss         head   iteration  R@1   R@10   NMI  MAP@R
        run "one"  -        ranked-list  L,M,H       1200  0.0  100.0  66.7      -
        r2         sop      triplet      H              5    -    0.0     -   50.0
        """,
        ResultsFormat.TABLE.write(TABLE));
  }

  @Test
  void csvQuotesFieldsWithCommasOrQuotesAndKeepsEveryDigit() {
    assertEquals(
        """
        run,dataset,loss,head,iteration,R@1,R@10,NMI,MAP@R
        "run ""one\"\"\",,ranked-list,"L,M,H",1200,0.000010,1.0,0.66666,
        r2,sop,triplet,H,5,,0.0,,0.5
        """,
        ResultsFormat.CSV.write(TABLE));
  }

  @Test
  void jsonHasNumbersAsNumbersAndNullForWhatIsMissing() {
    assertEquals(
        """
        [
          {
            "run": "run \\"one\\"",
            "dataset": null,
            "loss": "ranked-list",
            "head": "L,M,H",
            "iteration": 1200,
            "recall": {
              "1": 1.0E-5,
              "10": 1.0
            },
            "nmi": 0.66666,
            "map_at_r": null
          },
          {
            "run": "r2",
            "dataset": "sop",
            "loss": "triplet",
            "head": "H",
            "iteration": 5,
            "recall": {
              "10": 0.0
            },
            "nmi": null,
            "map_at_r": 0.5
          }
        ]
        """,
        ResultsFormat.JSON.write(TABLE));
  }
}
