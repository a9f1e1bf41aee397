package org.rll.activities.resolve;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.fetch.Checksum;
import org.rll.core.dataset.fetch.SourceUris;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.dataset.prepare.PrepareConfig;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.spec.DatasetSection;

/**
 * A spec's dataset section as a {@link DatasetSpec}. The source may be a URI or a local path; a
 * null format is inferred from the source's file name ({@code CUB_200_2011.tgz} is {@code cub200},
 * {@code car_ims} or {@code cars...} is {@code cars196}, {@code Stanford_Online_Products} is {@code
 * sop}, {@code fashion-mnist...} is {@code fashion-mnist}).
 */
final class DatasetSpecs {
  private DatasetSpecs() {}

  /** The dataset spec of {@code section}; a {@link ValidationException} names a bad value. */
  static DatasetSpec resolve(DatasetSection section) {
    ValidationException.check(
        section != null && section.source() != null && !section.source().isBlank(),
        "dataset.source is required: an https://, http://, s3:// or file:// URI or a path");
    URI source = SourceUris.parse(section.source().trim());
    DatasetFormat format =
        section.format() == null ? infer(source) : formatOf("dataset.format", section.format());
    Optional<Checksum> checksum =
        section.checksum() == null
            ? Optional.empty()
            : Optional.of(
                Specs.field("dataset.checksum", () -> Checksum.parse(section.checksum())));
    int minImages =
        section.minImagesPerClass() == null
            ? PrepareConfig.DEFAULT_MIN_IMAGES_PER_CLASS
            : section.minImagesPerClass();
    ValidationException.check(
        minImages >= 2,
        "dataset.minImagesPerClass must be >= 2 (a class needs a positive pair), got %d",
        minImages);
    return new DatasetSpec(source, checksum, format, split(section.trainClasses()), minImages);
  }

  /** The format named by the last path segment of {@code source}. */
  static DatasetFormat infer(URI source) {
    String path = source.getPath() == null ? source.getSchemeSpecificPart() : source.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    if (name.startsWith("cub_200_2011") || name.startsWith("cub200")) {
      return DatasetFormat.CUB200;
    }
    if (name.startsWith("car_ims") || name.startsWith("cars")) {
      return DatasetFormat.CARS196;
    }
    if (name.startsWith("stanford_online_products") || name.startsWith("sop")) {
      return DatasetFormat.SOP;
    }
    if (name.startsWith("fashion-mnist") || name.startsWith("fashion_mnist")) {
      return DatasetFormat.FASHION_MNIST;
    }
    throw new ValidationException(
        String.format(
            Locale.ROOT,
            "dataset.format cannot be inferred from the source file name '%s'; set dataset.format"
                + " to one of cub200, cars196, sop, fashion-mnist, mnist, image-folder, csv",
            name));
  }

  private static DatasetFormat formatOf(String field, String text) {
    return Specs.field(field, () -> DatasetFormat.parse(text.trim()));
  }

  private static SplitRule split(List<String> trainClasses) {
    if (trainClasses == null) {
      return SplitRule.protocol();
    }
    ValidationException.check(
        !trainClasses.isEmpty() && trainClasses.stream().allMatch(c -> c != null && !c.isBlank()),
        "dataset.trainClasses must be a non-empty list of class names, got %s",
        trainClasses);
    return SplitRule.trainClasses(trainClasses);
  }
}
