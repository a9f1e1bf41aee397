package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

/**
 * One logged training iteration, as stored in {@code training_log}. The loss may be NaN or
 * infinite: a diverged run is worth recording as it is.
 */
public record TrainingLogRow(
    String runId,
    long iteration,
    double loss,
    long minedPositives,
    long minedNegatives,
    double lr,
    double imagesPerSecond) {

  public TrainingLogRow {
    check(runId != null && !runId.isBlank(), "run id must not be blank, got '%s'", runId);
    check(iteration >= 0, "run %s: iteration must be >= 0, got %s", runId, iteration);
    check(
        minedPositives >= 0 && minedNegatives >= 0,
        "run %s iteration %s: mined counts must be >= 0, got %s positives and %s negatives",
        runId,
        iteration,
        minedPositives,
        minedNegatives);
    check(
        Double.isFinite(lr) && lr >= 0,
        "run %s iteration %s: lr must be finite and >= 0, got %s",
        runId,
        iteration,
        lr);
    check(
        Double.isFinite(imagesPerSecond) && imagesPerSecond >= 0,
        "run %s iteration %s: images per second must be finite and >= 0, got %s",
        runId,
        iteration,
        imagesPerSecond);
  }
}
