package org.rll.core.loss;

/**
 * How many non-trivial (query, gallery) pairs one embedding head mined in one batch, summed over
 * all queries: {@code positives} = sum of |P*_i|, {@code negatives} = sum of |N*_i|.
 */
public record MinedCounts(long positives, long negatives) {}
