package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.PairwiseDistances;

/**
 * A labelled batch for the plain reference losses: N embeddings (rows, Java doubles) and N labels,
 * validated with the vectorised losses' messages, with direct per-pair geometry.
 */
final class ReferenceAnchorPairs {
  /** Squared distances below this are floored, as in the vectorised losses (d &gt;= 1e-6). */
  private final double[][] embeddings;

  private final long[] labels;

  /** Validates that the labels match the rows and name at least two classes. */
  ReferenceAnchorPairs(double[][] embeddings, long[] labels) {
    int n = embeddings.length;
    ValidationException.check(labels.length == n, AnchorPairMasks.LABELS_SIZE, labels.length, n);
    boolean twoClasses = false;
    for (long label : labels) {
      twoClasses |= label != labels[0];
    }
    ValidationException.check(twoClasses, AnchorPairMasks.TWO_CLASSES, n);
    this.embeddings = embeddings;
    this.labels = labels;
  }

  /** Fails unless some two members share a class. */
  void requirePositivePair() {
    boolean found = false;
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < size(); j++) {
        found |= isPositive(i, j);
      }
    }
    ValidationException.check(found, AnchorPairMasks.SAME_CLASS_PAIR, size());
  }

  /** The batch size N. */
  int size() {
    return embeddings.length;
  }

  /** Whether j is a positive of anchor i: same class, j != i. */
  boolean isPositive(int i, int j) {
    return i != j && labels[i] == labels[j];
  }

  /** Whether j is a negative of anchor i: another class. */
  boolean isNegative(int i, int j) {
    return labels[i] != labels[j];
  }

  /** The number of negatives of anchor i. */
  int negativeCount(int i) {
    int count = 0;
    for (int j = 0; j < size(); j++) {
      count += isNegative(i, j) ? 1 : 0;
    }
    return count;
  }

  /** f_i . f_j. */
  double dot(int i, int j) {
    double sum = 0;
    for (int k = 0; k < embeddings[i].length; k++) {
      sum += embeddings[i][k] * embeddings[j][k];
    }
    return sum;
  }

  /** ||f_i - f_j||, taken directly (not by the Gram expansion) and floored at 1e-6. */
  double distance(int i, int j) {
    double sum = 0;
    for (int k = 0; k < embeddings[i].length; k++) {
      double difference = embeddings[i][k] - embeddings[j][k];
      sum += difference * difference;
    }
    return Math.sqrt(Math.max(sum, PairwiseDistances.SQUARED_DISTANCE_FLOOR));
  }
}
