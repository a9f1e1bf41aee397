package org.rll.core.dataset.format;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.idx.FashionMnist;

/** The dataset layouts rll reads, each with its own label files and paper split. */
public enum DatasetFormat {
  /** CUB-200-2011 (classes 1-100 train, 101-200 test). */
  CUB200("cub200", new CubFormat()),
  /** CARS196 (classes 1-98 train, 99-196 test). */
  CARS196("cars196", new CarsFormat()),
  /** Stanford Online Products (the official Ebay_train / Ebay_test lists). */
  SOP("sop", new SopFormat()),
  /** Fashion-MNIST IDX files (classes 0-4 train, 5-9 test). */
  FASHION_MNIST("fashion-mnist", new IdxFormat(FashionMnist.CLASS_NAMES)),
  /** MNIST IDX files (digits 0-4 train, 5-9 test). */
  MNIST(
      "mnist", new IdxFormat(java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))),
  /** A folder {@code root/<class>/<image>}. */
  IMAGE_FOLDER("image-folder", new ImageFolderFormat()),
  /** A CSV file {@code path,label}. */
  CSV("csv", new CsvFormat());

  private final String id;
  private final FormatReader reader;

  DatasetFormat(String id, FormatReader reader) {
    this.id = id;
    this.reader = reader;
  }

  /** The name used on command lines and in summaries, such as {@code cub200}. */
  public String id() {
    return id;
  }

  /** Whether images are packed in IDX files rather than stored one file each. */
  public boolean isIdx() {
    return reader instanceof IdxFormat;
  }

  /**
   * Lists the images of an extracted dataset and splits them by {@code rule}.
   *
   * @throws ValidationException when a label file is missing (the message starts with the format's
   *     id, names the files looked for and what the dataset holds instead) or a rule names an
   *     unknown class
   * @throws org.rll.core.exceptions.CorruptDataException when a label file is malformed
   */
  public DatasetListing read(Path root, SplitRule rule) {
    DatasetListing listing;
    try {
      listing = reader.read(root);
    } catch (ValidationException e) {
      throw new ValidationException(id + " dataset: " + e.getMessage());
    }
    return rule.apply(listing);
  }

  /** The format with id (or constant name) {@code text}, case-insensitive. */
  public static DatasetFormat parse(String text) {
    for (DatasetFormat format : values()) {
      if (format.id.equalsIgnoreCase(text) || format.name().equalsIgnoreCase(text)) {
        return format;
      }
    }
    throw new ValidationException(
        String.format(
            Locale.ROOT,
            "unknown dataset format '%s', expected one of %s",
            text,
            Arrays.stream(values()).map(DatasetFormat::id).collect(Collectors.joining(", "))));
  }
}
