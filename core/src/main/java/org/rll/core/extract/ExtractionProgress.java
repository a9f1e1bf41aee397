package org.rll.core.extract;

/** Told how far an extraction has come, such as to heartbeat a long-running activity. */
@FunctionalInterface
public interface ExtractionProgress {
  /** Ignores every update. */
  ExtractionProgress NONE = (done, total) -> {};

  /**
   * Called on the extracting thread after each batch, and once at the start with the images of the
   * shards a previous run completed.
   *
   * @param imagesDone images embedded so far, those of kept shards included
   * @param imageCount images of the gallery
   */
  void update(int imagesDone, int imageCount);
}
