package org.rll.core.checkpoint;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.Sha256Counter;

/**
 * What makes two trainings the same run: the canonical text of every setting that changes the
 * result (model, loss, sampler, optimiser, seed, dataset hash). A checkpoint only resumes a run
 * whose config hashes alike.
 *
 * @param config the canonical config text
 */
public record TrainingIdentity(String config) {
  public TrainingIdentity {
    ValidationException.check(config != null && !config.isBlank(), "training config is empty");
  }

  /** The lower-case hex SHA-256 of the config text. */
  public String configHash() {
    return Sha256Counter.hex(config);
  }
}
