package org.rll.cli.run;

import java.util.Optional;
import org.rll.cli.options.DatabaseOptions;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.options.TemporalOptions;
import org.rll.cli.spec.RunIds;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;
import org.rll.db.SweepRow;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What the commands about one run take: the run id, the results database, where the runs' workflows
 * are recorded, and Temporal.
 */
public final class RunArguments {
  @Mixin DatabaseOptions database;
  @Mixin TemporalOptions temporal;

  @Parameters(paramLabel = "<run>", description = "The run id.")
  String runId;

  /** The run's row, if the database has one. */
  Optional<RunRow> find() {
    try (ResultsConnection db = database.open()) {
      return new ResultsRepository(db.dataSource()).run(RunIds.check(runId));
    }
  }

  /** The sweep of this id, if the database has one. */
  Optional<SweepRow> sweep() {
    try (ResultsConnection db = database.open()) {
      return new ResultsRepository(db.dataSource()).sweep(RunIds.check(runId));
    }
  }

  /** The run's row; a missing one is bad input naming the database looked in. */
  RunRow require() {
    try (ResultsConnection db = database.open()) {
      return new ResultsRepository(db.dataSource())
          .run(RunIds.check(runId))
          .orElseThrow(
              () -> new ValidationException("no run " + runId + " in the " + db.address()));
    }
  }

  /** The workflow that drives the run now: the recorded one, else the run id itself. */
  String workflowId(Optional<RunRow> run) {
    return run.map(RunRow::workflowId).orElse(runId);
  }
}
