package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class SopFormatTest {
  private static final String HEADER = "image_id class_id super_class_id path\n";

  @TempDir Path root;

  @Test
  void theOfficialListsAreTheSplitAndNamesJoinFolderAndClass() {
    Path base = root.resolve("Stanford_Online_Products");
    Fixtures.text(
        base.resolve("Ebay_train.txt"),
        HEADER
            + "1 1 1 bicycle_final/111085122871_0.JPG\n2 1 1 bicycle_final/111085122871_1.JPG\n");
    Fixtures.text(base.resolve("Ebay_test.txt"), HEADER + "3 11319 2 cabinet_final/22_0.JPG\n");
    DatasetListing listing = DatasetFormat.SOP.read(root, SplitRule.protocol());
    assertEquals(base, listing.baseDirectory());
    assertEquals(
        List.of(
            new LabeledEntry("bicycle_final/111085122871_0.JPG", 1, "bicycle_final/1", Split.TRAIN),
            new LabeledEntry("bicycle_final/111085122871_1.JPG", 1, "bicycle_final/1", Split.TRAIN),
            new LabeledEntry("cabinet_final/22_0.JPG", 11319, "cabinet_final/11319", Split.TEST)),
        listing.entries());
  }

  @Test
  void aMissingTestListAndABadHeaderAreReported() {
    Fixtures.text(root.resolve("Ebay_train.txt"), HEADER + "1 1 1 a_final/x.JPG\n");
    assertThrows(
        ValidationException.class, () -> DatasetFormat.SOP.read(root, SplitRule.protocol()));
    Fixtures.text(root.resolve("Ebay_test.txt"), "id class super path\n");
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> DatasetFormat.SOP.read(root, SplitRule.protocol()));
    assertEquals(
        "Ebay_test.txt line 1: expected header 'image_id class_id super_class_id path'",
        e.getMessage());
  }

  @Test
  void aShortRowNamesItsLine() {
    Fixtures.text(root.resolve("Ebay_train.txt"), HEADER + "1 1 1 a_final/x.JPG\n2 1 a_final/y\n");
    Fixtures.text(root.resolve("Ebay_test.txt"), HEADER);
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> DatasetFormat.SOP.read(root, SplitRule.protocol()));
    assertEquals(
        "Ebay_train.txt line 3: expected 4 fields, got 3: [2, 1, a_final/y]", e.getMessage());
  }
}
