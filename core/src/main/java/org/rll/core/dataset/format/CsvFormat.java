package org.rll.core.dataset.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rll.core.exceptions.ValidationException;

/**
 * A CSV manifest with the header {@code path,label}: each image's path, relative to the CSV file's
 * directory, and its class name. The root is the CSV file itself or a directory holding exactly one
 * {@code .csv} file.
 */
final class CsvFormat implements FormatReader {
  private static final List<String> HEADER = List.of("path", "label");

  @Override
  public DatasetListing read(Path root) {
    Path file = Files.isDirectory(root) ? onlyCsvIn(root) : root;
    String source = String.valueOf(file.getFileName());
    List<LabelRecord> records;
    try (Reader in =
        Files.newBufferedReader(LabelFiles.require(file, source), StandardCharsets.UTF_8)) {
      records = Csv.read(in, source, HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Map.Entry<String, String>> images = new ArrayList<>(records.size());
    for (LabelRecord record : records) {
      String path = record.requireFields(2).relativePathField(0);
      String label = record.field(1).strip();
      if (label.isEmpty()) {
        throw record.error("empty label for '%s'", path);
      }
      images.add(Map.entry(path, label));
    }
    return SortedClasses.listing(file.toAbsolutePath().getParent(), images);
  }

  private static Path onlyCsvIn(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      List<Path> csvFiles =
          children.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
      ValidationException.check(
          csvFiles.size() == 1,
          "missing label file: %s must hold exactly one .csv file, found %s",
          directory,
          csvFiles);
      return csvFiles.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }
}
