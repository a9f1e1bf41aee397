package org.rll.workflows;

/**
 * Where a run stands. The workflow ends a run {@link #SUCCEEDED}, {@link #FAILED} or {@link
 * #CANCELLED} and returns that end in its result; the results database stores every status in
 * {@code runs.status} by its name, which the schema's CHECK allows.
 */
public enum RunStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  /** Whether a run in this status has ended. */
  public boolean ended() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
