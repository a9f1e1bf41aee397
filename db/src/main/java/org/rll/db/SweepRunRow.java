package org.rll.db;

import static org.rll.core.exceptions.ValidationException.check;

/**
 * One child run of a sweep, as stored in {@code sweep_runs}: the setting it trains and its seed.
 * The run itself appears in {@code runs} once it starts.
 *
 * @param runId the child's run id, {@code <sweep>-<setting hash>-s<seed>}
 * @param settingHash the hash that names the setting; runs of one setting share it
 * @param settingJson the setting as a JSON object from axis path to value, such as {@code
 *     {"loss.alpha": 1.4}}; it reads back in PostgreSQL's {@code jsonb} normal form
 * @param seed the run's {@code training.seed}
 */
public record SweepRunRow(
    String sweepId, String runId, String settingHash, String settingJson, long seed) {

  public SweepRunRow {
    check(sweepId != null && !sweepId.isBlank(), "sweep id must not be blank, got '%s'", sweepId);
    check(
        runId != null && !runId.isBlank(),
        "sweep %s: run id must not be blank, got '%s'",
        sweepId,
        runId);
    check(
        settingHash != null && !settingHash.isBlank(),
        "sweep %s run %s: setting hash must not be blank, got '%s'",
        sweepId,
        runId,
        settingHash);
    check(
        settingJson != null && !settingJson.isBlank(),
        "sweep %s run %s: setting must not be blank",
        sweepId,
        runId);
  }
}
