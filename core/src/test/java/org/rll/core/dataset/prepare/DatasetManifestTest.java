package org.rll.core.dataset.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rll.core.dataset.format.Split;
import org.rll.core.exceptions.CorruptDataException;

class DatasetManifestTest {
  private static final List<ManifestRow> ROWS =
      List.of(
          new ManifestRow("p/images/a,1.jpg", 3, "Bird, \"small\"", Split.TRAIN),
          new ManifestRow("p/images/b.jpg", 7, "cat", Split.TEST),
          new ManifestRow("p/images/c.jpg", 3, "Bird, \"small\"", Split.TRAIN),
          new ManifestRow("p/images/d.jpg", 8, "dog", Split.TEST));

  private static DatasetManifest parse(String csv) {
    return DatasetManifest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void roundTripsWithQuotingAndGivesEachSplitInOrder() {
    byte[] csv = new DatasetManifest(ROWS).toCsvBytes();
    assertEquals(
        "image_key,class_id,class_name,split\n"
            + "\"p/images/a,1.jpg\",3,\"Bird, \"\"small\"\"\",train\n"
            + "p/images/b.jpg,7,cat,test\n"
            + "p/images/c.jpg,3,\"Bird, \"\"small\"\"\",train\n"
            + "p/images/d.jpg,8,dog,test\n",
        new String(csv, StandardCharsets.UTF_8));
    DatasetManifest back = DatasetManifest.read(new ByteArrayInputStream(csv));
    assertEquals(ROWS, back.rows());
    assertEquals(List.of("p/images/a,1.jpg", "p/images/c.jpg"), back.imageKeys(Split.TRAIN));
    assertArrayEquals(new int[] {7, 8}, back.classIds(Split.TEST));
    assertEquals(Map.of(3, "Bird, \"small\"", 7, "cat", 8, "dog"), back.classNames());
    assertEquals(new SplitCounts(2, 1), back.counts(Split.TRAIN));
    assertEquals(new SplitCounts(2, 2), back.counts(Split.TEST));
  }

  @Test
  void badRowsNameTheirLine() {
    String header = "image_key,class_id,class_name,split\n";
    assertEquals(
        "manifest.csv line 2: class_id must be an integer, got 'x'",
        assertThrows(CorruptDataException.class, () -> parse(header + "k,x,n,train\n"))
            .getMessage());
    assertEquals(
        "manifest.csv line 3: unknown split 'val', expected train or test",
        assertThrows(CorruptDataException.class, () -> parse(header + "k,1,n,train\nk2,1,n,val\n"))
            .getMessage());
    assertEquals(
        "manifest.csv line 2: expected 4 fields, got 3: [k, 1, n]",
        assertThrows(CorruptDataException.class, () -> parse(header + "k,1,n\n")).getMessage());
    assertEquals(
        "manifest.csv line 1: expected header image_key,class_id,class_name,split, got [key]",
        assertThrows(CorruptDataException.class, () -> parse("key\n")).getMessage());
  }

  @Test
  void aClassIdWithTwoNamesIsCorrupt() {
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> parse("image_key,class_id,class_name,split\na,1,x,train\nb,1,y,train\n"));
    assertEquals("manifest.csv: class 1 is named both 'x' and 'y' (at 'b')", e.getMessage());
  }
}
