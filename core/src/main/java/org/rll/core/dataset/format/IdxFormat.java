package org.rll.core.dataset.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.idx.IdxReader;
import org.rll.core.idx.LabeledImages;

/**
 * MNIST-style IDX files ({@code train-*} and {@code t10k-*} image and label files, gzipped), either
 * pair or both. Each entry's path is {@code <image file>#<index>}. Split by class: 0-4 train, 5-9
 * test, whichever file an image comes from.
 */
final class IdxFormat implements FormatReader {
  /** The image and label files of each pair, in the order their entries are listed. */
  static final List<List<String>> FILE_PAIRS =
      List.of(
          List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
          List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));

  private static final int FIRST_TEST_CLASS = 5;

  private final List<String> classNames;

  IdxFormat(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
  }

  @Override
  public DatasetListing read(Path root) {
    List<LabeledEntry> entries = new ArrayList<>();
    boolean found = false;
    for (List<String> pair : FILE_PAIRS) {
      Path images = root.resolve(pair.get(0));
      Path labels = root.resolve(pair.get(1));
      if (Files.isRegularFile(images) || Files.isRegularFile(labels)) {
        LabeledImages pairImages =
            read(LabelFiles.require(images, pair.get(0)), LabelFiles.require(labels, pair.get(1)));
        addEntries(pair.get(0), pair.get(1), pairImages, entries);
        found = true;
      }
    }
    if (!found) {
      throw LabelFiles.missing(
          root,
          "IDX files",
          FILE_PAIRS.stream()
              .map(p -> String.join(" and ", p))
              .collect(Collectors.joining(", or ")));
    }
    return new DatasetListing(root, entries);
  }

  private void addEntries(
      String imageFile, String labelFile, LabeledImages labels, List<LabeledEntry> entries) {
    for (int i = 0; i < labels.count(); i++) {
      int label = labels.label(i);
      if (label >= classNames.size()) {
        throw new CorruptDataException(
            String.format(
                "%s: label %d of item %d outside 0..%d",
                labelFile, label, i, classNames.size() - 1));
      }
      Split split = label < FIRST_TEST_CLASS ? Split.TRAIN : Split.TEST;
      entries.add(new LabeledEntry(imageFile + "#" + i, label, classNames.get(label), split));
    }
  }

  /** Reads a pair whole, which checks both files and that their counts agree. */
  private static LabeledImages read(Path images, Path labels) {
    try {
      return LabeledImages.of(
          IdxReader.read(images), IdxReader.read(labels), String.valueOf(images.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + images + " or " + labels, e);
    }
  }
}
