package org.rll.worker.run;

import java.util.Optional;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.ResultsRepository;
import org.rll.db.RunRow;

/** Finds a run in the results database, where the runs' workflows are recorded. */
final class RunRecord {

  private RunRecord() {}

  /** The run {@code runId}; a missing one is bad input naming the database looked in. */
  static RunRow require(ResultsRepository results, String runId, String address) {
    return find(results, runId)
        .orElseThrow(() -> new ValidationException("no run " + runId + " in the " + address));
  }

  static Optional<RunRow> find(ResultsRepository results, String runId) {
    return results.run(RunIds.check(runId));
  }

  /** The workflow that drives the run now: the recorded one, else the run id itself. */
  static String workflowId(Optional<RunRow> run, String runId) {
    return run.map(RunRow::workflowId).orElse(runId);
  }
}
