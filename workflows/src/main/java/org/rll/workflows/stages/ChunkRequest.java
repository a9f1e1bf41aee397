package org.rll.workflows.stages;

/**
 * One training chunk: from the run's newest complete checkpoint (or the start) up to {@code
 * targetIteration}.
 */
public record ChunkRequest(
    RunPlan plan, DatasetRef dataset, BatchesRef batches, long targetIteration) {}
