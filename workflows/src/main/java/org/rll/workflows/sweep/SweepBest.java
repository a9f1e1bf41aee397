package org.rll.workflows.sweep;

/**
 * The best run of a sweep so far.
 *
 * @param runId the run
 * @param setting its overrides, as {@code loss.alpha=1.4, loss.type="triplet"}
 * @param head the embedding head of its best Recall@1
 * @param recallAt1 that Recall@1, a fraction
 */
public record SweepBest(String runId, String setting, String head, double recallAt1) {}
