package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class DatasetFormatTest {
  @Test
  void parsesIdsAndConstantNamesIgnoringCase() {
    assertEquals(DatasetFormat.CUB200, DatasetFormat.parse("cub200"));
    assertEquals(DatasetFormat.FASHION_MNIST, DatasetFormat.parse("Fashion-MNIST"));
    assertEquals(DatasetFormat.IMAGE_FOLDER, DatasetFormat.parse("image_folder"));
    assertTrue(DatasetFormat.MNIST.isIdx());
    assertFalse(DatasetFormat.SOP.isIdx());
  }

  @Test
  void namesTheBadValueAndListsTheValidOnes() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> DatasetFormat.parse("imagenet"));
    assertEquals(
        "unknown dataset format 'imagenet', expected one of cub200, cars196, sop, fashion-mnist,"
            + " mnist, image-folder, csv",
        e.getMessage());
  }
}
