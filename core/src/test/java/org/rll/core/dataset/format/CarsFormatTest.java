package org.rll.core.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

class CarsFormatTest {
  @TempDir Path root;

  /** Writes a cars_annos.mat shaped like the real one: uint8 class, bbox fields, test flags. */
  static void writeAnnotations(Path file, List<String> paths, int[] classes) throws IOException {
    Struct annotations = Mat5.newStruct(1, paths.size());
    for (int i = 0; i < paths.size(); i++) {
      Matrix classId = Mat5.newMatrix(1, 1, MatlabType.UInt8);
      classId.setInt(0, classes[i]);
      annotations
          .set("relative_im_path", i, Mat5.newString(paths.get(i)))
          .set("bbox_x1", i, Mat5.newScalar(1))
          .set("bbox_y1", i, Mat5.newScalar(2))
          .set("bbox_x2", i, Mat5.newScalar(30))
          .set("bbox_y2", i, Mat5.newScalar(40))
          .set("class", i, classId)
          .set("test", i, Mat5.newScalar(i % 2));
    }
    Cell names = Mat5.newCell(1, 196);
    for (int c = 0; c < 196; c++) {
      names.set(c, Mat5.newString("Car Model " + (c + 1)));
    }
    Mat5.writeToFile(
        Mat5.newMatFile().addArray("annotations", annotations).addArray("class_names", names),
        file.toFile());
  }

  @Test
  void readsTheMatFileAndSplitsAtClass98IgnoringTheTestFlag() throws IOException {
    writeAnnotations(
        root.resolve("cars_annos.mat"),
        List.of(
            "car_ims/000001.jpg", "car_ims/000002.jpg", "car_ims/000003.jpg", "car_ims/000004.jpg"),
        new int[] {1, 98, 99, 196});
    DatasetListing listing = DatasetFormat.CARS196.read(root, SplitRule.protocol());
    assertEquals(
        List.of(
            new LabeledEntry("car_ims/000001.jpg", 1, "Car Model 1", Split.TRAIN),
            new LabeledEntry("car_ims/000002.jpg", 98, "Car Model 98", Split.TRAIN),
            new LabeledEntry("car_ims/000003.jpg", 99, "Car Model 99", Split.TEST),
            new LabeledEntry("car_ims/000004.jpg", 196, "Car Model 196", Split.TEST)),
        listing.entries());
  }

  @Test
  void aClassOutsideTheNamesIsCorrupt() throws IOException {
    writeAnnotations(
        root.resolve("cars_annos.mat"),
        List.of("car_ims/1.jpg", "car_ims/2.jpg"),
        new int[] {5, 0});
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> DatasetFormat.CARS196.read(root, SplitRule.protocol()));
    assertEquals("cars_annos.mat annotation line 2: class 0 outside 1..196", e.getMessage());
  }

  @Test
  void aMissingOrUnreadableMatFileIsReported() {
    assertThrows(
        ValidationException.class, () -> DatasetFormat.CARS196.read(root, SplitRule.protocol()));
    Fixtures.text(root.resolve("cars_annos.mat"), "not a mat file");
    assertThrows(
        CorruptDataException.class, () -> DatasetFormat.CARS196.read(root, SplitRule.protocol()));
  }
}
