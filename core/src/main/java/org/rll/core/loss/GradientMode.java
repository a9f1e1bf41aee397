package org.rll.core.loss;

/** Which ends of a pairwise distance carry gradient in the ranked list loss. */
public enum GradientMode {
  /**
   * Paper Sec. 3.2: inside query i's ranked list the other embeddings are constants, so each
   * embedding's gradient comes only from its own list. Distances are taken between live rows and
   * gradient-stopped columns.
   */
  CONSTANT_GALLERY,
  /** Plain autograd through both ends of every distance: each pair pulls or pushes both points. */
  FULL_AUTOGRAD
}
