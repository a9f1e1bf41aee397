package org.rll.core.idx;

import java.util.Arrays;
import org.rll.core.exceptions.ValidationException;

/**
 * An IDX array of unsigned bytes: its shape and its values in row-major order. Immutable.
 *
 * <p>The first dimension counts the items (images, labels); the others are each item's shape.
 */
public final class IdxArray {
  private final int[] shape;
  private final byte[] data;

  IdxArray(int[] shape, byte[] data) {
    ValidationException.check(shape.length > 0, "an IDX array needs at least one dimension");
    this.shape = shape.clone();
    this.data = data;
    ValidationException.check(
        (long) count() * itemSize() == data.length,
        "shape %s needs %d bytes, got %d",
        Arrays.toString(shape),
        (long) count() * itemSize(),
        data.length);
  }

  /** The dimensions, first the item count. */
  public int[] shape() {
    return shape.clone();
  }

  /** The number of items: the first dimension. */
  public int count() {
    return shape[0];
  }

  /** Values per item: the product of every dimension after the first (1 for labels). */
  public int itemSize() {
    int size = 1;
    for (int i = 1; i < shape.length; i++) {
      size *= shape[i];
    }
    return size;
  }

  /** The value at a row-major flat index, 0..255. */
  public int valueAt(int flatIndex) {
    return Byte.toUnsignedInt(data[flatIndex]);
  }

  /** One item's values as raw bytes (read them unsigned). */
  public byte[] item(int index) {
    int size = itemSize();
    return Arrays.copyOfRange(data, index * size, (index + 1) * size);
  }

  /** A copy of every value as raw bytes, row-major. */
  public byte[] toBytes() {
    return data.clone();
  }

  /** A copy of every value as an unsigned int 0..255, row-major. */
  public int[] toUnsignedInts() {
    int[] values = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      values[i] = Byte.toUnsignedInt(data[i]);
    }
    return values;
  }
}
