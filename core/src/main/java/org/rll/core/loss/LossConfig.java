package org.rll.core.loss;

/**
 * A loss's validated settings, which name its type and make new instances: a run resolves its spec
 * into one, and every training chunk makes its loss from it.
 */
public interface LossConfig {

  /** The loss's name in specs and results, such as {@code ranked-list} or {@code proxy-anchor}. */
  String type();

  /** A new loss with these settings; one with parameters still needs {@code initialize}. */
  EmbeddingLoss newLoss();
}
