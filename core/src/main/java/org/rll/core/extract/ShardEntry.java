package org.rll.core.extract;

import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.PutResult;

/**
 * One shard's files.
 *
 * @param shard the shard's number, from 0
 * @param rows its images
 * @param images the CSV of its image keys and class ids
 * @param outputs the npy file of each output, in the plan's output order
 */
public record ShardEntry(int shard, int rows, PutResult images, List<PutResult> outputs) {
  public ShardEntry {
    ValidationException.check(shard >= 0, "shard number must be >= 0, got %d", shard);
    ValidationException.check(rows > 0, "shard %d: rows must be positive, got %d", shard, rows);
    ValidationException.check(images != null, "shard %d: images file missing", shard);
    outputs = List.copyOf(outputs);
  }

  /** Every file of the shard: the images, then the outputs. */
  public List<PutResult> files() {
    List<PutResult> files = new java.util.ArrayList<>(outputs.size() + 1);
    files.add(images);
    files.addAll(outputs);
    return files;
  }
}
