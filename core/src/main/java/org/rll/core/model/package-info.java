/**
 * Embedding networks built from DJL blocks: backbones as {@link org.rll.core.model.TappedSequence}s
 * whose taps are the paper's levels, {@link org.rll.core.model.EmbeddingModel} with one
 * L2-normalised head per chosen level, and {@link org.rll.core.model.ParameterNames}, the
 * PyTorch-style names that checkpoints and pretrained weights are keyed by.
 */
package org.rll.core.model;
