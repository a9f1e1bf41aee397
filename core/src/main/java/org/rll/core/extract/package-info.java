/**
 * Gallery embeddings as float32 {@code .npy} shards in a blob store: {@link
 * org.rll.core.extract.EmbeddingExtractor} writes them, bounded in memory and restartable, and
 * {@link org.rll.core.extract.StoredEmbeddings} reads them back, checked against the index.
 */
package org.rll.core.extract;
