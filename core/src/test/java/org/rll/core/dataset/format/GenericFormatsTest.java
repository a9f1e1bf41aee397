package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class GenericFormatsTest {
  @TempDir Path root;

  @Test
  void anImageFolderNumbersSortedClassesAndTrainsOnTheFirstHalfRoundedUp() {
    for (String path :
        List.of(
            "dog/2.png", "dog/1.png", "cat/a.png", "emu/e.png", ".hidden/x.png", "cat/.DS_Store")) {
      Fixtures.text(root.resolve(path), "x");
    }
    Fixtures.text(root.resolve("README"), "not a class");
    DatasetListing listing = DatasetFormat.IMAGE_FOLDER.read(root, SplitRule.protocol());
    assertEquals(
        List.of(
            new LabeledEntry("cat/a.png", 0, "cat", Split.TRAIN),
            new LabeledEntry("dog/1.png", 1, "dog", Split.TRAIN),
            new LabeledEntry("dog/2.png", 1, "dog", Split.TRAIN),
            new LabeledEntry("emu/e.png", 2, "emu", Split.TEST)),
        listing.entries());
  }

  @Test
  void anEmptyFolderIsAValidationError() {
    assertThrows(
        ValidationException.class,
        () -> DatasetFormat.IMAGE_FOLDER.read(root, SplitRule.protocol()));
  }

  @Test
  void aCsvManifestQuotesAndResolvesPathsBesideIt() {
    Fixtures.text(
        root.resolve("data/labels.csv"),
        "path,label\nimgs/b.jpg,\"Bird, small\"\nimgs/a.jpg,ant\n\"imgs/q \"\"x\"\".jpg\",zebra\n");
    DatasetListing listing = DatasetFormat.CSV.read(root.resolve("data"), SplitRule.protocol());
    assertEquals(root.resolve("data").toAbsolutePath(), listing.baseDirectory());
    assertEquals(
        List.of(
            new LabeledEntry("imgs/b.jpg", 0, "Bird, small", Split.TRAIN),
            new LabeledEntry("imgs/a.jpg", 1, "ant", Split.TRAIN),
            new LabeledEntry("imgs/q \"x\".jpg", 2, "zebra", Split.TEST)),
        listing.entries());
    assertEquals(
        listing.entries(),
        DatasetFormat.CSV.read(root.resolve("data/labels.csv"), SplitRule.protocol()).entries());
  }

  @Test
  void aCsvRefusesAbsoluteAndParentPaths() {
    Path csv = Fixtures.text(root.resolve("l.csv"), "path,label\na.jpg,x\n/etc/passwd,y\n");
    CorruptDataException absolute =
        assertThrows(
            CorruptDataException.class, () -> DatasetFormat.CSV.read(csv, SplitRule.protocol()));
    assertEquals("l.csv line 3: path must be relative, got '/etc/passwd'", absolute.getMessage());
    Fixtures.text(csv, "path,label\nimgs/../../x.jpg,y\n");
    CorruptDataException parent =
        assertThrows(
            CorruptDataException.class, () -> DatasetFormat.CSV.read(csv, SplitRule.protocol()));
    assertEquals(
        "l.csv line 2: bad image path 'imgs/../../x.jpg' (no '..', '.', empty segment or backslash"
            + " allowed)",
        parent.getMessage());
  }

  @Test
  void aDirectoryWithoutExactlyOneCsvIsAValidationError() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> DatasetFormat.CSV.read(root, SplitRule.protocol()));
    assertEquals(
        "csv dataset: missing label file: " + root + " must hold exactly one .csv file, found []",
        e.getMessage());
  }
}
