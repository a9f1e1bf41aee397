package org.rll.core.dataset.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/** Finds and reads the label files that datasets ship beside their images. */
final class LabelFiles {
  private LabelFiles() {}

  /**
   * The dataset's base directory: {@code root/topDirectory} when it holds {@code marker}, else
   * {@code root} when it does, since archives are extracted with or without their top directory.
   */
  static Path locate(Path root, String topDirectory, String marker) {
    if (Files.isRegularFile(root.resolve(topDirectory).resolve(marker))) {
      return root.resolve(topDirectory);
    }
    if (Files.isRegularFile(root.resolve(marker))) {
      return root;
    }
    throw missing(root, "label file " + marker, topDirectory + "/" + marker + " and " + marker);
  }

  /** {@code root/marker}, the file that says a dataset is of this format, which must exist. */
  static Path marker(Path root, String marker) {
    if (!Files.isRegularFile(root.resolve(marker))) {
      throw missing(root, "label file " + marker, marker);
    }
    return root.resolve(marker);
  }

  /**
   * The error for a dataset without {@code what}, the files its format starts from: it names the
   * paths tried ({@code lookedFor}, relative to {@code root}) and what the dataset holds instead.
   */
  static ValidationException missing(Path root, String what, String lookedFor) {
    return new ValidationException(
        String.format(
            "missing %s (looked for %s; %s)", what, lookedFor, VisibleFiles.summary(root)));
  }

  /** Checks {@code file} exists; {@code shownAs} names it in the error. */
  static Path require(Path file, String shownAs) {
    ValidationException.check(
        Files.isRegularFile(file), "missing label file %s (looked for %s)", shownAs, file);
    return file;
  }

  /**
   * The non-blank lines of a UTF-8 text file, each split on whitespace into at most {@code
   * maxFields} fields (the last keeps any further whitespace).
   */
  static List<LabelRecord> whitespaceRecords(Path file, int maxFields) {
    List<String> lines = readLines(require(file, String.valueOf(file.getFileName())));
    String source = String.valueOf(file.getFileName());
    List<LabelRecord> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (!text.isEmpty()) {
        records.add(new LabelRecord(source, i + 1, Arrays.asList(text.split("\\s+", maxFields))));
      }
    }
    return records;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new CorruptDataException("label file " + file + " is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read label file " + file, e);
    }
  }
}
