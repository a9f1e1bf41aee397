package org.rll.workflows.stages;

/**
 * A split's stored embeddings.
 *
 * @param prefix the store prefix of the shards and their index
 * @param iteration the checkpoint iteration of the model that made them
 * @param images the images embedded
 */
public record EmbeddingsRef(String prefix, long iteration, int images) {}
