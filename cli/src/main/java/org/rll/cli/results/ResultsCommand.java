package org.rll.cli.results;

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

/** {@code rll results}: the evaluated runs in the results database, shaped like Table 1. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the evaluation results of runs: one row per run and embedding head (L, M, H and"
          + " their concatenation L,M,H) at the latest evaluated checkpoint, with Recall@K for"
          + " every K evaluated, NMI and MAP@R.",
      "The table shows percentages with one decimal, as in the paper's Table 1; csv and json"
          + " carry the stored fractions in [0, 1], unrounded."
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

  @Mixin DatabaseOptions database;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunSelection selection = new RunSelection(Optional.ofNullable(dataset), runIds);
    ResultsTable table;
    try (ResultsConnection connection = database.open()) {
      ResultsRepository repository = new ResultsRepository(connection.dataSource());
      List<RunRow> runs = repository.runs(selection);
      reportMissingRuns(err, runs);
      table = ResultsTable.of(runs, repository.metrics(selection), allCheckpoints);
    }
    if (table.rows().isEmpty() && format == ResultsFormat.TABLE) {
      out.println("no evaluated runs");
      return 0;
    }
    if (table.rows().isEmpty()) {
      // The empty document still goes to stdout, for scripts that parse it.
      err.println("rll: no evaluated runs");
    }
    out.print(format.write(table));
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
