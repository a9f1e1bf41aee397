package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class CubFormatTest {
  @TempDir Path root;

  private void writeCub(Path base) {
    Fixtures.text(
        base.resolve("classes.txt"),
        "1 001.Albatross\n100 100.Pelican\n101 101.Pigeon\n200 200.Wren\n");
    Fixtures.text(
        base.resolve("images.txt"),
        "1 001.Albatross/a1.jpg\n2 001.Albatross/a2.jpg\n3 100.Pelican/p.jpg\n"
            + "4 101.Pigeon/g.jpg\n\n5 200.Wren/w.jpg\n");
    Fixtures.text(base.resolve("image_class_labels.txt"), "5 200\n4 101\n3 100\n2 1\n1 1\n");
  }

  @Test
  void readsTheThreeFilesAndSplitsAtClass100() {
    writeCub(root.resolve("CUB_200_2011"));
    DatasetListing listing = DatasetFormat.CUB200.read(root, SplitRule.protocol());
    assertEquals(root.resolve("CUB_200_2011"), listing.baseDirectory());
    assertEquals(
        List.of(
            new LabeledEntry("images/001.Albatross/a1.jpg", 1, "001.Albatross", Split.TRAIN),
            new LabeledEntry("images/001.Albatross/a2.jpg", 1, "001.Albatross", Split.TRAIN),
            new LabeledEntry("images/100.Pelican/p.jpg", 100, "100.Pelican", Split.TRAIN),
            new LabeledEntry("images/101.Pigeon/g.jpg", 101, "101.Pigeon", Split.TEST),
            new LabeledEntry("images/200.Wren/w.jpg", 200, "200.Wren", Split.TEST)),
        listing.entries());
  }

  @Test
  void acceptsTheFilesWithoutTheTopDirectory() {
    writeCub(root);
    DatasetListing listing = DatasetFormat.CUB200.read(root, SplitRule.protocol());
    assertEquals(root, listing.baseDirectory());
    assertEquals(5, listing.entries().size());
  }

  @Test
  void aMalformedLineNamesFileAndLine() {
    writeCub(root);
    Fixtures.text(root.resolve("image_class_labels.txt"), "1 1\n2 one\n");
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> DatasetFormat.CUB200.read(root, SplitRule.protocol()));
    assertEquals(
        "image_class_labels.txt line 2: class id must be an integer, got 'one'", e.getMessage());
  }

  @Test
  void anImageWithoutALabelIsNamed() {
    writeCub(root);
    Fixtures.text(root.resolve("image_class_labels.txt"), "1 1\n");
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> DatasetFormat.CUB200.read(root, SplitRule.protocol()));
    assertEquals(
        "images.txt line 2: image id 2 has no line in image_class_labels.txt", e.getMessage());
  }

  @Test
  void aMissingLabelFileIsAValidationError() throws Exception {
    writeCub(root);
    Files.delete(root.resolve("classes.txt"));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> DatasetFormat.CUB200.read(root, SplitRule.protocol()));
    assertEquals(
        "cub200 dataset: missing label file classes.txt (looked for "
            + root.resolve("classes.txt")
            + ")",
        e.getMessage());
  }

  @Test
  void aPathLeavingTheDatasetIsRefused() {
    writeCub(root);
    Fixtures.text(root.resolve("images.txt"), "1 ../../etc/passwd\n");
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> DatasetFormat.CUB200.read(root, SplitRule.protocol()));
    assertEquals(
        "images.txt line 1: bad image path '../../etc/passwd' (no '..', '.', empty segment or"
            + " backslash allowed)",
        e.getMessage());
  }
}
