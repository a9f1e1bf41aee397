package org.rll.cli.run;

import java.util.Optional;

/**
 * Everything {@code rll status} knows of a run.
 *
 * @param database where the record was looked for, as the user should read it
 * @param record empty when the database has no row for the run
 */
record StatusReport(
    String runId, String database, Optional<RunRecord> record, WorkflowState workflow) {

  /** Whether the database or Temporal knows the run. */
  boolean known() {
    return record.isPresent() || workflow.outcome().isPresent();
  }
}
