package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void aDatasetWithoutItsFormatsLabelFilesSaysWhatWasLookedForAndWhatItHolds(@TempDir Path root) {
    Fixtures.image(root.resolve("a.png"), "png", 1);
    Fixtures.image(root.resolve("b.png"), "png", 2);
    String holds = "the top level holds a.png, b.png";
    assertMissing(
        DatasetFormat.CUB200,
        root,
        "cub200 dataset: missing label file images.txt (looked for CUB_200_2011/images.txt and"
            + " images.txt; "
            + holds
            + ")");
    assertMissing(
        DatasetFormat.SOP,
        root,
        "sop dataset: missing label file Ebay_train.txt (looked for"
            + " Stanford_Online_Products/Ebay_train.txt and Ebay_train.txt; "
            + holds
            + ")");
    assertMissing(
        DatasetFormat.CARS196,
        root,
        "cars196 dataset: missing label file cars_annos.mat (looked for cars_annos.mat; "
            + holds
            + ")");
    assertMissing(
        DatasetFormat.FASHION_MNIST,
        root,
        "fashion-mnist dataset: missing IDX files (looked for train-images-idx3-ubyte.gz and"
            + " train-labels-idx1-ubyte.gz, or t10k-images-idx3-ubyte.gz and"
            + " t10k-labels-idx1-ubyte.gz; "
            + holds
            + ")");
    assertMissing(
        DatasetFormat.IMAGE_FOLDER,
        root,
        "image-folder dataset: no <class>/<image> files (" + holds + ")");
  }

  @Test
  void anEmptyDatasetSaysSo(@TempDir Path root) {
    assertMissing(
        DatasetFormat.CARS196,
        root,
        "cars196 dataset: missing label file cars_annos.mat (looked for cars_annos.mat; the"
            + " dataset is empty)");
  }

  private static void assertMissing(DatasetFormat format, Path root, String message) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> format.read(root, SplitRule.protocol()));
    assertEquals(message, e.getMessage());
  }
}
