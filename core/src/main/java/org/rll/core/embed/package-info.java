/** Embedding images with a trained model: {@link org.rll.core.embed.Embedder}. */
package org.rll.core.embed;
