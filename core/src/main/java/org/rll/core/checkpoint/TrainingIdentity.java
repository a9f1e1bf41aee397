package org.rll.core.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rll.core.exceptions.ValidationException;

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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(config.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
