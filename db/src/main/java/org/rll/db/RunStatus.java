package org.rll.db;

/**
 * Where a run stands; stored in {@code runs.status} by its name, which the schema's CHECK allows.
 */
public enum RunStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
