package org.rll.core.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class ClassIndexTest {

  @Test
  void groupsImagesByLabelAndSetsAsideSingletons() {
    //            image: 0  1  2  3  4  5  6
    int[] labels = {9, 4, 9, 1000000, 4, 9, 7};
    ClassIndex index = ClassIndex.of(labels);
    assertEquals(7, index.numImages());
    assertArrayEquals(new int[] {4, 9}, index.eligibleClasses());
    assertArrayEquals(new int[] {7, 1000000}, index.excludedClasses());
    assertArrayEquals(new int[] {0, 2, 5}, index.imagesOf(9));
    assertArrayEquals(new int[] {1, 4}, index.imagesOf(4));
    assertArrayEquals(new int[] {3}, index.imagesOf(1000000));
    assertArrayEquals(new int[0], index.imagesOf(5));
  }

  @Test
  void rejectsEmptyAndNegativeLabels() {
    assertEquals(
        "labels must not be empty (no images)",
        assertThrows(ValidationException.class, () -> ClassIndex.of(new int[0])).getMessage());
    assertEquals(
        "label of image 2 must be >= 0, got -5",
        assertThrows(ValidationException.class, () -> ClassIndex.of(new int[] {0, 1, -5}))
            .getMessage());
  }
}
