package org.rll.core.dataset.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CUB-200-2011: {@code images.txt} ({@code <image_id> <path under images/>}), {@code
 * image_class_labels.txt} ({@code <image_id> <class_id>}) and {@code classes.txt} ({@code
 * <class_id> <name>}), under an optional {@code CUB_200_2011/} top directory. Paper split: classes
 * 1-100 train, 101-200 test.
 */
final class CubFormat implements FormatReader {
  static final String TOP_DIRECTORY = "CUB_200_2011";
  private static final int LAST_TRAIN_CLASS = 100;

  @Override
  public DatasetListing read(Path root) {
    Path base = LabelFiles.locate(root, TOP_DIRECTORY, "images.txt");
    Map<Integer, String> classNames = new HashMap<>();
    for (LabelRecord record : LabelFiles.whitespaceRecords(base.resolve("classes.txt"), 2)) {
      classNames.put(record.requireFields(2).intField(0, "class id"), record.field(1));
    }
    Map<Integer, LabelRecord> labels = new HashMap<>();
    for (LabelRecord record :
        LabelFiles.whitespaceRecords(base.resolve("image_class_labels.txt"), 2)) {
      labels.put(record.requireFields(2).intField(0, "image id"), record);
    }
    List<LabeledEntry> entries = new ArrayList<>();
    for (LabelRecord image : LabelFiles.whitespaceRecords(base.resolve("images.txt"), 2)) {
      int imageId = image.requireFields(2).intField(0, "image id");
      LabelRecord label = labels.get(imageId);
      if (label == null) {
        throw image.error("image id %d has no line in image_class_labels.txt", imageId);
      }
      int classId = label.intField(1, "class id");
      String name = classNames.get(classId);
      if (name == null) {
        throw label.error("class id %d is not in classes.txt", classId);
      }
      String path = "images/" + image.relativePathField(1);
      Split split = classId <= LAST_TRAIN_CLASS ? Split.TRAIN : Split.TEST;
      entries.add(new LabeledEntry(path, classId, name, split));
    }
    return new DatasetListing(base, entries);
  }
}
