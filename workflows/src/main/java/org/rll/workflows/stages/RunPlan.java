package org.rll.workflows.stages;

import org.rll.workflows.spec.PipelineSpec;

/**
 * A validated run: its spec with every default resolved, and what the workflow needs to drive it.
 *
 * @param runId the run's id, the key of its rows and the name of its artifact prefix
 * @param workflowId the workflow that drives the run now
 * @param spec the spec as given (defaults stay null; activities resolve them the same way again)
 * @param configHash SHA-256 of the canonical text of every setting that changes the result
 * @param runPrefix where the run's artifacts live in the store: {@code runs/<run id>/}
 * @param iterations training iterations in all
 * @param chunkIterations iterations of one training chunk
 * @param evaluateEvery iterations between evaluations during training; 0 for the end only
 */
public record RunPlan(
    String runId,
    String workflowId,
    PipelineSpec spec,
    String configHash,
    String runPrefix,
    long iterations,
    long chunkIterations,
    long evaluateEvery) {}
