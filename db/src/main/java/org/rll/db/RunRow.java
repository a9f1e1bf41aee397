package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.rll.workflows.RunStatus;

/**
 * One pipeline run as stored in {@code runs}.
 *
 * <p>{@code specJson} is the run's spec as JSON; it is stored as {@code jsonb}, so it reads back in
 * PostgreSQL's normal form (keys reordered, {@code ", "} and {@code ": "} as separators). Times
 * keep microseconds, the precision of {@code timestamptz}: finer digits are dropped here so that a
 * row reads back equal to the one written.
 *
 * @param workflowId the Temporal workflow id, or null when the run has none yet
 * @param dataset the dataset's name, or null when not known
 */
public record RunRow(
    String runId,
    String workflowId,
    String dataset,
    String specJson,
    String configHash,
    RunStatus status,
    Instant createdAt,
    Instant updatedAt) {

  public RunRow {
    check(runId != null && !runId.isBlank(), "run id must not be blank, got '%s'", runId);
    check(specJson != null && !specJson.isBlank(), "run %s: spec must not be blank", runId);
    check(
        configHash != null && !configHash.isBlank(),
        "run %s: config hash must not be blank, got '%s'",
        runId,
        configHash);
    check(status != null, "run %s: status must not be null", runId);
    check(createdAt != null && updatedAt != null, "run %s: times must not be null", runId);
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MICROS);
  }
}
