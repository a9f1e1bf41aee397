package org.rll.core.dataset.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stanford Online Products: {@code Ebay_train.txt} and {@code Ebay_test.txt} (header {@code
 * image_id class_id super_class_id path}) under an optional {@code Stanford_Online_Products/} top
 * directory. The official lists are the split. A class is named {@code <super-class folder>/<class
 * id>}.
 */
final class SopFormat implements FormatReader {
  static final String TOP_DIRECTORY = "Stanford_Online_Products";
  private static final List<String> HEADER =
      List.of("image_id", "class_id", "super_class_id", "path");

  @Override
  public DatasetListing read(Path root) {
    Path base = LabelFiles.locate(root, TOP_DIRECTORY, "Ebay_train.txt");
    List<LabeledEntry> entries = new ArrayList<>();
    readList(base.resolve("Ebay_train.txt"), Split.TRAIN, entries);
    readList(base.resolve("Ebay_test.txt"), Split.TEST, entries);
    return new DatasetListing(base, entries);
  }

  private static void readList(Path file, Split split, List<LabeledEntry> entries) {
    List<LabelRecord> records = LabelFiles.whitespaceRecords(file, HEADER.size());
    if (records.isEmpty() || !records.get(0).fields().equals(HEADER)) {
      throw new LabelRecord(String.valueOf(file.getFileName()), 1, List.of())
          .error("expected header '%s'", String.join(" ", HEADER));
    }
    for (LabelRecord record : records.subList(1, records.size())) {
      record.requireFields(HEADER.size());
      int classId = record.intField(1, "class id");
      record.intField(2, "super class id");
      String path = record.relativePathField(3);
      int slash = path.indexOf('/');
      if (slash < 0) {
        throw record.error("path '%s' has no super-class folder", path);
      }
      entries.add(new LabeledEntry(path, classId, path.substring(0, slash) + "/" + classId, split));
    }
  }
}
