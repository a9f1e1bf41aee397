package org.rll.workflows.stages;

/**
 * A run's batch manifest in the store.
 *
 * @param key the manifest's store key
 * @param iterations the iterations it holds batches for
 */
public record BatchesRef(String key, long iterations) {}
