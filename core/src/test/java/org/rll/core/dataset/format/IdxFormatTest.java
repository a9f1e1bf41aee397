package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class IdxFormatTest {
  @TempDir Path root;

  /** Writes one IDX pair of 2x2 images whose pixels all equal their index plus {@code base}. */
  static void writePair(Path root, String prefix, int base, byte[] labels) {
    byte[] pixels = new byte[labels.length * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (base + i / 4);
    }
    Fixtures.gzippedIdx(
        root.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {labels.length, 2, 2}, pixels);
    Fixtures.gzippedIdx(
        root.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {labels.length}, labels);
  }

  @Test
  void listsBothPairsAndSplitsAtClass5() {
    writePair(root, "train", 0, new byte[] {0, 9, 4});
    writePair(root, "t10k", 100, new byte[] {5});
    DatasetListing listing = DatasetFormat.FASHION_MNIST.read(root, SplitRule.protocol());
    assertEquals(
        List.of(
            new LabeledEntry("train-images-idx3-ubyte.gz#0", 0, "T-shirt/top", Split.TRAIN),
            new LabeledEntry("train-images-idx3-ubyte.gz#1", 9, "Ankle boot", Split.TEST),
            new LabeledEntry("train-images-idx3-ubyte.gz#2", 4, "Coat", Split.TRAIN),
            new LabeledEntry("t10k-images-idx3-ubyte.gz#0", 5, "Sandal", Split.TEST)),
        listing.entries());
  }

  @Test
  void mnistNamesDigitsAndOnePairIsEnough() {
    writePair(root, "t10k", 0, new byte[] {7, 2});
    assertEquals(
        List.of(
            new LabeledEntry("t10k-images-idx3-ubyte.gz#0", 7, "7", Split.TEST),
            new LabeledEntry("t10k-images-idx3-ubyte.gz#1", 2, "2", Split.TRAIN)),
        DatasetFormat.MNIST.read(root, SplitRule.protocol()).entries());
  }

  @Test
  void missingFilesAndBadLabelsAreReported() {
    assertThrows(
        ValidationException.class, () -> DatasetFormat.MNIST.read(root, SplitRule.protocol()));
    writePair(root, "train", 0, new byte[] {1, 10});
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class, () -> DatasetFormat.MNIST.read(root, SplitRule.protocol()));
    assertEquals("train-labels-idx1-ubyte.gz: label 10 of item 1 outside 0..9", e.getMessage());
    Fixtures.gzippedIdx(root.resolve("train-labels-idx1-ubyte.gz"), new int[] {1}, new byte[] {1});
    assertThrows(
        CorruptDataException.class, () -> DatasetFormat.MNIST.read(root, SplitRule.protocol()));
  }
}
