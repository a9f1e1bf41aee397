package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.RunSelection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rll results}: the evaluated runs in the results database, shaped like Table 1, or the
 * settings of a sweep summarised over their seeds.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the evaluation results of runs: one row per run and embedding head (L, M, H and"
          + " their concatenation L,M,H) at the latest evaluated checkpoint, with Recall@K for"
          + " every K evaluated, NMI and MAP@R.",
      "The table shows percentages with one decimal, as in the paper's Table 1; csv and json"
          + " carry the stored fractions in [0, 1], unrounded.",
      "With --sweep, one row per setting of the sweep and head: the sweep's axis values, n (the"
          + " seeds whose run has results) and each metric as mean ± std over those seeds, each"
          + " run at its latest evaluated checkpoint; csv and json give <metric>_mean and"
          + " <metric>_std columns."
    })
public final class ResultsCommand implements Callable<Integer> {
  @Option(
      names = "--format",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "table")
  ResultsFormat format;

  @Option(names = "--dataset", paramLabel = "<name>", description = "Only runs of this dataset.")
  String dataset;

  @Option(
      names = "--run",
      paramLabel = "<id>",
      description = "Only this run; repeat the option for several runs.")
  List<String> runIds = List.of();

  @Option(
      names = "--all-checkpoints",
      description = "One row per evaluated checkpoint, not only the latest.")
  boolean allCheckpoints;

  @Option(
      names = "--sweep",
      paramLabel = "<id>",
      description =
          "The settings of this sweep instead of runs: one row per setting and head, each"
              + " metric as mean ± std over the setting's seeds (sample std; - for one seed).")
  String sweepId;

  @Option(
      names = "--sort",
      paramLabel = "<metric>",
      description =
          "With --sweep: order the rows by this metric's mean, highest first, such as R@1,"
              + " NMI or MAP@R (default: the sweep's setting order).")
  String sortMetric;

  @Mixin DatabaseOptions database;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    check(
        sortMetric == null || sweepId != null,
        "--sort %s orders a sweep's settings: give --sweep too",
        sortMetric);
    check(
        sweepId == null || (dataset == null && runIds.isEmpty() && !allCheckpoints),
        "--sweep %s takes no --dataset, --run or --all-checkpoints",
        sweepId);
    PrintWriter err = spec.commandLine().getErr();
    try (ResultsConnection connection = database.open()) {
      ResultsRepository repository = new ResultsRepository(connection.dataSource());
      if (sweepId != null) {
        SweepTable table = SweepTable.load(repository, sweepId, connection.address());
        table = sortMetric == null ? table : table.sortedBy(sortMetric);
        return print(table.rows().isEmpty(), format.write(table));
      }
      RunSelection selection = new RunSelection(Optional.ofNullable(dataset), runIds);
      List<RunRow> runs = repository.runs(selection);
      reportMissingRuns(err, runs);
      ResultsTable table = ResultsTable.of(runs, repository.metrics(selection), allCheckpoints);
      return print(table.rows().isEmpty(), format.write(table));
    }
  }

  private int print(boolean empty, String document) {
    PrintWriter out = spec.commandLine().getOut();
    if (empty && format == ResultsFormat.TABLE) {
      out.println("no evaluated runs");
      return 0;
    }
    if (empty) {
      // The empty document still goes to stdout, for scripts that parse it.
      spec.commandLine().getErr().println("rll: no evaluated runs");
    }
    out.print(document);
    out.flush();
    return 0;
  }

  private void reportMissingRuns(PrintWriter err, List<RunRow> runs) {
    Set<String> found = runs.stream().map(RunRow::runId).collect(Collectors.toSet());
    for (String runId : runIds) {
      if (!found.contains(runId)) {
        err.printf("rll: no run '%s'%s%n", runId, dataset == null ? "" : " of dataset " + dataset);
      }
    }
  }
}
