package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.function.Function;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.HeadLoss;
import org.rll.core.loss.LossBatch;
import org.rll.core.loss.PairwiseDistances;

/**
 * One batch's N x N distance matrix and class masks, the common start of the contrastive and
 * triplet losses, and the same distances in Java doubles for their naive references.
 *
 * <p>Distances go through both ends of every pair (each pair pulls or pushes both embeddings).
 * Mining reads {@link #fixed()}, a detached copy, so masks and selected indices are constants; the
 * loss is then linear in {@link #live()} entries selected by those masks.
 *
 * @param live the differentiable distances, Euclidean or squared
 * @param fixed the same values without gradient
 * @param positives same class, i != j
 * @param negatives different class
 */
record PairDistances(NDArray live, NDArray fixed, NDArray positives, NDArray negatives) {

  private static final String ONE_CLASS =
      "a batch needs at least two classes, got one class in %d labels";

  /**
   * Validates an N x d batch, builds its distances in a scope under the embeddings' manager, runs
   * {@code body} there and moves the resulting loss to the embeddings' manager ({@link LossBatch}).
   */
  static HeadLoss evaluate(
      NDArray labels, NDArray embeddings, boolean squared, Function<PairDistances, HeadLoss> body) {
    return LossBatch.evaluate(labels, embeddings, n -> body.apply(of(labels, embeddings, squared)));
  }

  private static PairDistances of(NDArray labels, NDArray embeddings, boolean squared) {
    NDArray squaredDistances = PairwiseDistances.squaredEuclidean(embeddings, embeddings);
    NDArray live = squared ? squaredDistances : squaredDistances.sqrt();
    NDArray sameClass = LossBatch.sameClass(labels, embeddings);
    NDArray positives = sameClass.logicalAnd(LossBatch.identity(embeddings).logicalNot());
    return new PairDistances(live, live.stopGradient(), positives, sameClass.logicalNot());
  }

  /** The batch size N. */
  int size() {
    return Math.toIntExact(live.getShape().get(0));
  }

  /**
   * The number of true entries of each mask, read in one transfer with the number of negative
   * pairs, which is where a batch of a single class is rejected.
   */
  long[] count(NDArray... masks) {
    NDList sums = new NDList();
    for (NDArray mask : masks) {
      sums.add(mask.sum().toType(DataType.INT64, false));
    }
    sums.add(negatives.sum().toType(DataType.INT64, false));
    long[] counts = NDArrays.stack(sums).toLongArray();
    ValidationException.check(counts[masks.length] > 0, ONE_CLASS, size());
    return Arrays.copyOf(counts, masks.length);
  }

  /** {@link #fixed()} in Java doubles, one array per row. */
  double[][] fixedRows() {
    int n = size();
    double[] flat = fixed.toType(DataType.FLOAT64, false).toDoubleArray();
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
    }
    return rows;
  }

  /**
   * The constant weights mask / max(total, 1) in the distances' dtype: multiplied into a loss
   * matrix and summed, they average it over {@code total} terms (0 when there are none).
   */
  NDArray averaging(NDArray mask, long total) {
    return mask.toType(fixed.getDataType(), false).div(Math.max(total, 1));
  }

  /**
   * The N x N matrix of direct distances ||a - b|| (or their squares) in doubles, floored as in the
   * vectorised losses; validates the labels as the vectorised losses do.
   */
  static double[][] direct(double[][] embeddings, long[] labels, boolean squared) {
    int n = embeddings.length;
    ValidationException.check(
        labels.length == n, "labels size %d != batch size %d", labels.length, n);
    ValidationException.check(Arrays.stream(labels).distinct().count() > 1, ONE_CLASS, n);
    double[][] distances = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int k = 0; k < embeddings[i].length; k++) {
          sum += (embeddings[i][k] - embeddings[j][k]) * (embeddings[i][k] - embeddings[j][k]);
        }
        sum = Math.max(sum, PairwiseDistances.SQUARED_DISTANCE_FLOOR);
        distances[i][j] = squared ? sum : Math.sqrt(sum);
      }
    }
    return distances;
  }
}
