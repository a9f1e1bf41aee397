package org.rll.workflows.sweep;

import java.util.List;

/**
 * How a sweep ended: its progress at the end and the runs that failed, by run id.
 *
 * @param sweepId the sweep, also its workflow id
 * @param progress the runs by state, and the best
 * @param failedRuns the runs that failed, each with its failure's message
 */
public record SweepResult(String sweepId, SweepProgress progress, List<String> failedRuns) {}
