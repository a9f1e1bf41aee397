package org.rll.core.sampling;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.rll.core.exceptions.ValidationException;

/**
 * The images of a split grouped by class label: for each distinct label, its image indices in
 * ascending order. Classes with fewer than {@link #MIN_IMAGES_PER_CLASS} images cannot give a
 * positive pair and are set apart as excluded.
 */
public final class ClassIndex {
  /** A class needs two images to form a positive pair. */
  public static final int MIN_IMAGES_PER_CLASS = 2;

  private final int numImages;
  private final int[] classLabels;
  private final int[] offsets;
  private final int[] images;
  private final int[] eligible;

  private ClassIndex(int numImages, int[] classLabels, int[] offsets, int[] images) {
    this.numImages = numImages;
    this.classLabels = classLabels;
    this.offsets = offsets;
    this.images = images;
    this.eligible =
        IntStream.range(0, classLabels.length)
            .filter(c -> size(c) >= MIN_IMAGES_PER_CLASS)
            .toArray();
  }

  /**
   * Groups {@code labels}, where image index {@code i} has class {@code labels[i]}.
   *
   * @throws ValidationException if {@code labels} is empty or holds a negative label
   */
  public static ClassIndex of(int[] labels) {
    ValidationException.check(labels.length > 0, "labels must not be empty (no images)");
    // Sorting (label, image) pairs groups any label range in O(n log n) without a label-sized
    // table.
    long[] pairs = new long[labels.length];
    for (int i = 0; i < labels.length; i++) {
      ValidationException.check(
          labels[i] >= 0, "label of image %d must be >= 0, got %d", i, labels[i]);
      pairs[i] = ((long) labels[i] << 32) | i;
    }
    Arrays.sort(pairs);
    int[] images = new int[labels.length];
    int[] classLabels = new int[labels.length];
    int[] offsets = new int[labels.length + 1];
    int numClasses = 0;
    for (int i = 0; i < pairs.length; i++) {
      int label = (int) (pairs[i] >>> 32);
      if (numClasses == 0 || classLabels[numClasses - 1] != label) {
        classLabels[numClasses] = label;
        offsets[numClasses] = i;
        numClasses++;
      }
      images[i] = (int) pairs[i];
    }
    offsets[numClasses] = labels.length;
    return new ClassIndex(
        labels.length,
        Arrays.copyOf(classLabels, numClasses),
        Arrays.copyOf(offsets, numClasses + 1),
        images);
  }

  /** The number of images indexed; image indices are {@code [0, numImages)}. */
  public int numImages() {
    return numImages;
  }

  /** Labels of the classes with at least two images, ascending. */
  public int[] eligibleClasses() {
    return IntStream.of(eligible).map(c -> classLabels[c]).toArray();
  }

  /** Labels of the classes with fewer than two images, ascending. */
  public int[] excludedClasses() {
    return IntStream.range(0, classLabels.length)
        .filter(c -> size(c) < MIN_IMAGES_PER_CLASS)
        .map(c -> classLabels[c])
        .toArray();
  }

  /** The image indices of class {@code label}, ascending; empty if the label is absent. */
  public int[] imagesOf(int label) {
    int c = Arrays.binarySearch(classLabels, label);
    return c < 0 ? new int[0] : Arrays.copyOfRange(images, offsets[c], offsets[c + 1]);
  }

  /** Dense ids (positions in label order) of the eligible classes, ascending. */
  int[] eligibleIds() {
    return eligible.clone();
  }

  /** The label of the class with dense id {@code c}. */
  int label(int c) {
    return classLabels[c];
  }

  /** The number of images of the class with dense id {@code c}. */
  int size(int c) {
    return offsets[c + 1] - offsets[c];
  }

  /** The {@code i}-th image index (ascending) of the class with dense id {@code c}. */
  int image(int c, int i) {
    return images[offsets[c] + i];
  }
}
