/** Training on one device: {@link org.rll.core.train.EmbeddingTrainer} runs an iteration. */
package org.rll.core.train;
