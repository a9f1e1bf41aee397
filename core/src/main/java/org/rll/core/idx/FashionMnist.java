package org.rll.core.idx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Fashion-MNIST (Zalando, MIT licence): 28x28 greyscale images of 10 clothing classes.
 *
 * <p>The 10,000-image test set ships on the classpath (with its licence notice), so the demo runs
 * offline. The full 70,000 images are used from Debian's {@code dataset-fashion-mnist} package when
 * it is installed. Retrieval uses the paper-style split: classes 0-4 train, 5-9 test.
 */
public final class FashionMnist {
  /** The class names, indexed by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  static final String RESOURCE_DIRECTORY = "/org/rll/core/dataset/fashionmnist/";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";

  private FashionMnist() {}

  /** Whether a label belongs to the training classes (0-4); the others (5-9) are test classes. */
  public static boolean isTrainClass(int label) {
    return label < 5;
  }

  /** The bundled 10,000-image test set, read from the classpath. */
  public static LabeledImages bundledTestSet() throws IOException {
    return LabeledImages.of(resource(TEST_IMAGES), resource(TEST_LABELS), "fashion-mnist t10k");
  }

  /**
   * Writes the bundled test set's two gzipped IDX files, byte for byte, into {@code directory}, so
   * that it can be prepared like any extracted dataset; files already there are replaced.
   *
   * @return {@code directory}
   */
  public static Path copyBundledTestSet(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (String file : List.of(TEST_IMAGES, TEST_LABELS)) {
      try (InputStream in = open(file)) {
        Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return directory;
  }

  /** The directory holding all four files of the Debian package, if it is installed. */
  public static Optional<Path> locateFullSet() {
    return List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS).stream()
            .allMatch(f -> Files.isRegularFile(DEBIAN_DIRECTORY.resolve(f)))
        ? Optional.of(DEBIAN_DIRECTORY)
        : Optional.empty();
  }

  /** All 70,000 images (60,000 train-file images, then the 10,000 test-file images). */
  public static LabeledImages readFullSet(Path directory) throws IOException {
    LabeledImages train =
        LabeledImages.of(
            IdxReader.read(directory.resolve(TRAIN_IMAGES)),
            IdxReader.read(directory.resolve(TRAIN_LABELS)),
            "fashion-mnist train");
    LabeledImages test =
        LabeledImages.of(
            IdxReader.read(directory.resolve(TEST_IMAGES)),
            IdxReader.read(directory.resolve(TEST_LABELS)),
            "fashion-mnist t10k");
    return LabeledImages.concat(train, test);
  }

  private static IdxArray resource(String file) throws IOException {
    try (InputStream in = open(file)) {
      return IdxReader.read(in, file);
    }
  }

  private static InputStream open(String file) {
    InputStream in = FashionMnist.class.getResourceAsStream(RESOURCE_DIRECTORY + file);
    if (in == null) {
      throw new CorruptDataException("bundled resource missing: " + RESOURCE_DIRECTORY + file);
    }
    return in;
  }
}
