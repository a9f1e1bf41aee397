package org.rll.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * The ranked list loss of one embedding head: the scalar {@code loss} (attached to the embeddings'
 * manager, differentiable) and the pairs it mined.
 */
public record HeadLoss(NDArray loss, MinedCounts counts) {}
