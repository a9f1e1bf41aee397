package org.rll.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.rll.core.exceptions.ValidationException;

/**
 * The class ids of a training set in ascending order: class id {@code classIds()[r]} owns row r of
 * every per-class loss parameter (a proxy, a margin). Ids need not be contiguous; a label outside
 * the set is refused, naming it.
 */
public final class TrainingClasses {
  private final long[] ids;

  private TrainingClasses(long[] ids) {
    this.ids = ids;
  }

  /** The distinct ids among {@code labels} (one per training image, any order). */
  public static TrainingClasses of(long... labels) {
    long[] ids = Arrays.stream(labels).sorted().distinct().toArray();
    ValidationException.check(ids.length >= 1, "the training set has no classes");
    return new TrainingClasses(ids);
  }

  /** {@link #of(long...)} for int labels, as the training chunk holds them. */
  public static TrainingClasses of(int... labels) {
    return of(Arrays.stream(labels).asLongStream().toArray());
  }

  /** How many classes, the rows of a per-class parameter. */
  public int size() {
    return ids.length;
  }

  /** The ids in row order. */
  public long[] classIds() {
    return ids.clone();
  }

  /** The row of class {@code label}. */
  public int row(long label) {
    int row = Arrays.binarySearch(ids, label);
    ValidationException.check(
        row >= 0,
        "label %d is not one of the %d training classes (%d to %d)",
        label,
        ids.length,
        ids[0],
        ids[ids.length - 1]);
    return row;
  }

  /** The row of every label of a batch. */
  public int[] rows(long[] labels) {
    return Arrays.stream(labels).mapToInt(this::row).toArray();
  }

  /** The rows of a batch's labels array (any integer type, any device). */
  public int[] rows(NDArray labels) {
    return rows(labels.toType(DataType.INT64, false).toLongArray());
  }
}
