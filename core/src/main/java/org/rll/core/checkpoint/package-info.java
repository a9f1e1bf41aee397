/**
 * Training checkpoints in a {@link org.rll.core.storage.BlobStore}: parameters and BatchNorm
 * statistics by name, optimiser state, iteration, config hash and library versions, with {@code
 * meta.json} written last so that a torn checkpoint is never loaded.
 */
package org.rll.core.checkpoint;
