package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Ranking scores of query blocks against the whole gallery, on the embeddings' own device.
 *
 * <p>The score {@code s_ij = q_i . g_j - |g_j|^2 / 2} equals {@code (|q_i|^2 - |q_i - g_j|^2) / 2},
 * so within a row a higher score is a smaller Euclidean distance. Appending a column of ones to the
 * queries and {@code -|g|^2 / 2} to the gallery makes one matrix product yield the scores with no
 * extra pass. A query's own score is set to {@code -inf} so that it ranks below everything.
 */
final class GalleryScorer {
  private final NDArray embeddings;
  private final NDArray augmentedGalleryT;

  /** Keeps its arrays in {@code manager}, which must be on the embeddings' device. */
  GalleryScorer(NDArray embeddings, NDManager manager) {
    this.embeddings = embeddings.get(manager, new NDIndex(":, :"));
    NDArray negHalfSquaredNorms = this.embeddings.square().sum(new int[] {1}, true).muli(-0.5f);
    this.augmentedGalleryT = this.embeddings.concat(negHalfSquaredNorms, 1).transpose();
  }

  /** Whether every embedding and squared norm is finite (a squared norm can overflow). */
  boolean allFinite() {
    return !augmentedGalleryT.isNaN().any().getBoolean()
        && !augmentedGalleryT.isInfinite().any().getBoolean();
  }

  /** The scores of queries {@code [start, end)} against every gallery item, in {@code manager}. */
  NDArray scores(NDManager manager, int start, int end) {
    int rows = end - start;
    NDArray queries = embeddings.get(manager, new NDIndex("{}:{}", start, end));
    NDArray augmented = queries.concat(manager.ones(new Shape(rows, 1)), 1);
    NDArray scores = augmented.matMul(augmentedGalleryT);
    long[] rowIndex = new long[rows];
    long[] selfIndex = new long[rows];
    for (int r = 0; r < rows; r++) {
      rowIndex[r] = r;
      selfIndex[r] = start + r;
    }
    scores.set(
        new NDIndex("{}, {}", manager.create(rowIndex), manager.create(selfIndex)),
        Float.NEGATIVE_INFINITY);
    return scores;
  }
}
