package org.rll.workflows.stages;

/**
 * How a training chunk ended.
 *
 * @param iterationsDone iterations completed in the run, which the newest checkpoint holds
 * @param checkpointKey the store prefix of that checkpoint
 * @param stopped whether it ended early because the run was cancelled
 * @param lastLoss the loss of its last iteration; NaN when it ran none
 * @param imagesPerSecond its mean training throughput; 0 when it ran none
 */
public record ChunkOutcome(
    long iterationsDone,
    String checkpointKey,
    boolean stopped,
    double lastLoss,
    double imagesPerSecond) {}
