package org.rll.core.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
  private static String sha256OfResource(String file) throws IOException, NoSuchAlgorithmException {
    try (InputStream in =
        FashionMnist.class.getResourceAsStream(FashionMnist.RESOURCE_DIRECTORY + file)) {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }

  @Test
  void bundledFilesAreTheCommittedOnes() throws Exception {
    assertEquals(
        "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
        sha256OfResource(FashionMnist.TEST_IMAGES));
    assertEquals(
        "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
        sha256OfResource(FashionMnist.TEST_LABELS));
    assertTrue(FashionMnist.class.getResource(FashionMnist.RESOURCE_DIRECTORY + "LICENSE") != null);
    assertTrue(FashionMnist.class.getResource(FashionMnist.RESOURCE_DIRECTORY + "NOTICE") != null);
  }

  @Test
  void bundledTestSetHasTenThousandImagesAThousandPerClass() throws IOException {
    LabeledImages set = FashionMnist.bundledTestSet();
    assertEquals(10_000, set.count());
    assertEquals(28, set.rows());
    assertEquals(28, set.cols());
    int[] perClass = new int[10];
    for (int i = 0; i < set.count(); i++) {
      perClass[set.label(i)]++;
    }
    for (int c = 0; c < 10; c++) {
      assertEquals(1_000, perClass[c], FashionMnist.CLASS_NAMES.get(c));
    }
    // Upstream's first test image is an ankle boot.
    assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(set.label(0)));
    LabeledImages train = set.withLabels(FashionMnist::isTrainClass);
    assertEquals(5_000, train.count());
    assertTrue(FashionMnist.isTrainClass(4));
    assertFalse(FashionMnist.isTrainClass(5));
  }

  @Test
  void theBundledTestSetIsCopiedByteForByte(@TempDir Path directory) throws Exception {
    Path copy = FashionMnist.copyBundledTestSet(directory.resolve("t10k"));
    for (String file : new String[] {FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS}) {
      byte[] bytes = Files.readAllBytes(copy.resolve(file));
      assertEquals(
          sha256OfResource(file),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          file);
    }
    try (Stream<Path> files = Files.list(copy)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void fullSetFromTheDebianPackageWhenInstalled() throws IOException {
    Optional<Path> directory = FashionMnist.locateFullSet();
    assumeTrue(directory.isPresent(), "dataset-fashion-mnist is not installed");
    LabeledImages all = FashionMnist.readFullSet(directory.get());
    assertEquals(70_000, all.count());
    assertEquals(35_000, all.withLabels(FashionMnist::isTrainClass).count());
  }
}
