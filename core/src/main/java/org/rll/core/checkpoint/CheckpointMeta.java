package org.rll.core.checkpoint;

import java.util.Map;
import java.util.TreeMap;
import org.rll.core.exceptions.ValidationException;

/**
 * The {@code meta.json} of a checkpoint, written after every other file of it: a checkpoint without
 * one is torn and never loaded.
 *
 * @param format the checkpoint layout version
 * @param iteration iterations completed when it was taken
 * @param configHash the SHA-256 of the run's canonical config text
 * @param config the canonical config text itself
 * @param versions library versions (rll, DJL, the engine, Java)
 * @param files SHA-256 and size of each file of the checkpoint, by file name
 */
public record CheckpointMeta(
    int format,
    long iteration,
    String configHash,
    String config,
    Map<String, String> versions,
    Map<String, FileDigest> files) {
  /** The layout this code writes and reads. */
  public static final int FORMAT = 1;

  public CheckpointMeta {
    ValidationException.check(
        iteration >= 0, "checkpoint iteration must be >= 0, got %d", iteration);
    versions = new TreeMap<>(versions);
    files = new TreeMap<>(files);
  }

  /** The digest of one checkpoint file. */
  public record FileDigest(String sha256, long size) {}
}
