package org.rll.core.idx;

import java.util.Arrays;
import java.util.function.IntPredicate;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/**
 * Greyscale images with one class label each, as an IDX image file (n x rows x cols) and an IDX
 * label file (n) hold them. Immutable.
 */
public final class LabeledImages {
  private final int rows;
  private final int cols;
  private final byte[] pixels;
  private final byte[] labels;

  private LabeledImages(int rows, int cols, byte[] pixels, byte[] labels) {
    this.rows = rows;
    this.cols = cols;
    this.pixels = pixels;
    this.labels = labels;
  }

  /**
   * Pairs an image array with its label array.
   *
   * @param name names the pair in errors
   * @throws CorruptDataException when the shapes do not fit together
   */
  public static LabeledImages of(IdxArray images, IdxArray labels, String name) {
    int[] shape = images.shape();
    if (shape.length != 3) {
      throw new CorruptDataException(
          name + ": images must have shape n x rows x cols, got " + Arrays.toString(shape));
    }
    if (labels.shape().length != 1 || labels.count() != images.count()) {
      throw new CorruptDataException(
          String.format(
              "%s: expected %d labels, found shape %s",
              name, images.count(), Arrays.toString(labels.shape())));
    }
    return new LabeledImages(shape[1], shape[2], images.toBytes(), labels.toBytes());
  }

  /** Several sets of the same image size, one after the other. */
  public static LabeledImages concat(LabeledImages first, LabeledImages second) {
    ValidationException.check(
        first.rows == second.rows && first.cols == second.cols,
        "cannot concatenate %dx%d images with %dx%d images",
        first.rows,
        first.cols,
        second.rows,
        second.cols);
    byte[] pixels = Arrays.copyOf(first.pixels, first.pixels.length + second.pixels.length);
    System.arraycopy(second.pixels, 0, pixels, first.pixels.length, second.pixels.length);
    byte[] labels = Arrays.copyOf(first.labels, first.labels.length + second.labels.length);
    System.arraycopy(second.labels, 0, labels, first.labels.length, second.labels.length);
    return new LabeledImages(first.rows, first.cols, pixels, labels);
  }

  public int count() {
    return labels.length;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The class of image {@code index}, 0..255. */
  public int label(int index) {
    return Byte.toUnsignedInt(labels[index]);
  }

  /** Image {@code index}'s pixels, row-major, as unsigned ints 0..255. */
  public int[] image(int index) {
    int size = rows * cols;
    int[] image = new int[size];
    for (int i = 0; i < size; i++) {
      image[i] = Byte.toUnsignedInt(pixels[index * size + i]);
    }
    return image;
  }

  /** Image {@code index}'s raw pixel bytes, row-major (read them unsigned). */
  public byte[] imageBytes(int index) {
    int size = rows * cols;
    return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
  }

  /** The images whose label passes {@code keep}, in their original order. */
  public LabeledImages withLabels(IntPredicate keep) {
    int size = rows * cols;
    int kept = 0;
    byte[] keptPixels = new byte[pixels.length];
    byte[] keptLabels = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (keep.test(label(i))) {
        System.arraycopy(pixels, i * size, keptPixels, kept * size, size);
        keptLabels[kept++] = labels[i];
      }
    }
    return new LabeledImages(
        rows, cols, Arrays.copyOf(keptPixels, kept * size), Arrays.copyOf(keptLabels, kept));
  }
}
