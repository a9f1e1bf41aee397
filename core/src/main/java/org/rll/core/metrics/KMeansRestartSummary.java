package org.rll.core.metrics;

/**
 * What one k-means restart achieved and what it cost.
 *
 * @param restart the restart's index, the key of its random stream
 * @param inertia the sum of squared distances of the points to their centres at the end
 * @param iterations the Lloyd iterations it ran (assignment steps, at least 1)
 * @param seedingNanos wall time of the k-means++ seeding
 * @param lloydNanos wall time of the Lloyd iterations
 */
public record KMeansRestartSummary(
    int restart, double inertia, int iterations, long seedingNanos, long lloydNanos) {}
