package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A complete checkpoint of a run, as stored in {@code checkpoints}: where its blobs lie and the
 * hash of the configuration that wrote it. {@code createdAt} keeps microseconds, as the column
 * does.
 */
public record CheckpointRow(
    String runId, long iteration, String blobKey, String configHash, Instant createdAt) {

  public CheckpointRow {
    check(runId != null && !runId.isBlank(), "run id must not be blank, got '%s'", runId);
    check(iteration >= 0, "run %s: checkpoint iteration must be >= 0, got %s", runId, iteration);
    check(blobKey != null && !blobKey.isBlank(), "run %s: blob key must not be blank", runId);
    check(
        configHash != null && !configHash.isBlank(),
        "run %s: config hash must not be blank, got '%s'",
        runId,
        configHash);
    check(createdAt != null, "run %s: checkpoint time must not be null", runId);
    createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
  }
}
