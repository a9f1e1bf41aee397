package org.rll.core.dataset.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.RllException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.Struct;

/**
 * CARS196: {@code car_ims/*.jpg} and {@code cars_annos.mat}, a MATLAB v5 file holding the struct
 * array {@code annotations} (fields {@code relative_im_path}, {@code class} 1..196, bounding box,
 * and {@code test}, ignored here) and the cell {@code class_names}. Paper split by class: 1-98
 * train, 99-196 test.
 */
final class CarsFormat implements FormatReader {
  static final String ANNOTATIONS_FILE = "cars_annos.mat";
  private static final int LAST_TRAIN_CLASS = 98;

  @Override
  public DatasetListing read(Path root) {
    Path file = LabelFiles.marker(root, ANNOTATIONS_FILE);
    try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
      return new DatasetListing(root, entries(mat.getStruct("annotations"), classNames(mat)));
    } catch (IOException e) {
      throw new CorruptDataException(ANNOTATIONS_FILE + ": not a readable MATLAB v5 file", e);
    } catch (RllException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CorruptDataException(
          ANNOTATIONS_FILE + ": unexpected content (" + ExceptionText.describe(e) + ")", e);
    }
  }

  private static List<String> classNames(Mat5File mat) {
    Cell cell = mat.getCell("class_names");
    List<String> names = new ArrayList<>(cell.getNumElements());
    for (int i = 0; i < cell.getNumElements(); i++) {
      names.add(cell.getChar(i).getString().strip());
    }
    return names;
  }

  private static List<LabeledEntry> entries(Struct annotations, List<String> classNames) {
    List<LabeledEntry> entries = new ArrayList<>(annotations.getNumElements());
    for (int i = 0; i < annotations.getNumElements(); i++) {
      LabelRecord record =
          new LabelRecord(
              ANNOTATIONS_FILE + " annotation",
              i + 1,
              List.of(
                  annotations.getChar("relative_im_path", i).getString(),
                  Integer.toString(annotations.getMatrix("class", i).getInt(0))));
      int classId = record.intField(1, "class");
      if (classId < 1 || classId > classNames.size()) {
        throw record.error("class %d outside 1..%d", classId, classNames.size());
      }
      Split split = classId <= LAST_TRAIN_CLASS ? Split.TRAIN : Split.TEST;
      entries.add(
          new LabeledEntry(
              record.relativePathField(0), classId, classNames.get(classId - 1), split));
    }
    return entries;
  }
}
