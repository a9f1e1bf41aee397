package org.rll.workflows.pipeline;

/**
 * A stage between two tries, as the {@code progress} query shows it: {@code retrying prepare
 * dataset: cannot read s3://bucket/key: HTTP 503 SlowDown, attempt 3 of 10}.
 *
 * @param stage the stage being retried
 * @param attempt the try that comes next, counting from 1
 * @param maxAttempts the tries the stage gets in all
 * @param lastError what the failed try reported
 */
public record Retrying(String stage, int attempt, int maxAttempts, String lastError) {
  @Override
  public String toString() {
    return "retrying " + stage + ": " + lastError + ", attempt " + attempt + " of " + maxAttempts;
  }
}
