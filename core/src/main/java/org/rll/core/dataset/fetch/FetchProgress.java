package org.rll.core.dataset.fetch;

import java.util.OptionalLong;

/**
 * Told how far a download has come, after every chunk written to the spool file; an activity
 * heartbeats from here. Called on the fetching thread, so it should return quickly.
 */
@FunctionalInterface
public interface FetchProgress {

  /** A listener that ignores progress. */
  FetchProgress NONE = (bytes, total) -> {};

  /**
   * @param bytes bytes of the archive in the spool file so far (drops to 0 when a source restarts)
   * @param total the archive's length, when the source says it
   */
  void onProgress(long bytes, OptionalLong total);
}
