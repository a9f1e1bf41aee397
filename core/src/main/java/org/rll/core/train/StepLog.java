package org.rll.core.train;

import java.util.List;
import org.rll.core.loss.MinedCounts;

/**
 * What one training iteration did.
 *
 * @param iteration the 0-based iteration
 * @param loss the summed Ranked List Loss of every head
 * @param mined the non-trivial positives and negatives mined, per head
 * @param learningRate the base learning rate the update used
 */
public record StepLog(long iteration, float loss, List<MinedCounts> mined, double learningRate) {
  public StepLog {
    mined = List.copyOf(mined);
  }
}
