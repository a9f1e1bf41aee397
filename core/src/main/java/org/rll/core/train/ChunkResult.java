package org.rll.core.train;

import org.rll.core.checkpoint.CheckpointMeta;

/**
 * How a training chunk ended.
 *
 * @param iterationsDone iterations completed in the run so far (the next one to run)
 * @param checkpoint the checkpoint written at the end of the chunk
 * @param stopped whether the chunk ended early because a stop was requested
 */
public record ChunkResult(long iterationsDone, CheckpointMeta checkpoint, boolean stopped) {}
