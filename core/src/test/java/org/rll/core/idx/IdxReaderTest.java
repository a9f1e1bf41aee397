package org.rll.core.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.CorruptDataException;

class IdxReaderTest {
  /** 3 images of 2x2: magic 0x00000803, dims 3, 2, 2, then 12 pixels. */
  private static final byte[] THREE_IMAGES = {
    0,
    0,
    8,
    3,
    0,
    0,
    0,
    3,
    0,
    0,
    0,
    2,
    0,
    0,
    0,
    2,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
    (byte) 200,
    (byte) 255
  };

  private static final byte[] THREE_LABELS = {0, 0, 8, 1, 0, 0, 0, 3, 7, 0, 9};

  private static IdxArray read(byte[] bytes, String name) throws IOException {
    return IdxReader.read(new ByteArrayInputStream(bytes), name);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void readsATinyFileExactlyGzippedOrNot() throws IOException {
    for (byte[] bytes : new byte[][] {THREE_IMAGES, gzip(THREE_IMAGES)}) {
      IdxArray images = read(bytes, "tiny");
      assertArrayEquals(new int[] {3, 2, 2}, images.shape());
      assertEquals(4, images.itemSize());
      assertArrayEquals(
          new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200, 255}, images.toUnsignedInts());
      assertArrayEquals(new byte[] {9, 10, (byte) 200, (byte) 255}, images.item(2));
      assertEquals(255, images.valueAt(11));
    }
  }

  @Test
  void pairsImagesWithLabelsAndFiltersByClass() throws IOException {
    LabeledImages set = LabeledImages.of(read(THREE_IMAGES, "i"), read(THREE_LABELS, "l"), "tiny");
    assertEquals(3, set.count());
    assertEquals(2, set.rows());
    assertEquals(9, set.label(2));
    assertArrayEquals(new int[] {5, 6, 7, 8}, set.image(1));
    LabeledImages high = set.withLabels(label -> label > 5);
    assertEquals(2, high.count());
    assertArrayEquals(new int[] {9, 10, 200, 255}, high.image(1));
    assertEquals(6, LabeledImages.concat(set, set).count());
  }

  @Test
  void rejectsTruncationNamingTheFileAndTheCounts() throws IOException {
    byte[] truncated = Arrays.copyOf(THREE_LABELS, THREE_LABELS.length - 1);
    CorruptDataException e =
        assertThrows(CorruptDataException.class, () -> read(truncated, "t10k-labels"));
    assertEquals(
        "t10k-labels: expected 3 items of 1 bytes (shape [3]), found 2 bytes (2 whole items)",
        e.getMessage());
    byte[] gz = gzip(THREE_IMAGES);
    CorruptDataException cut =
        assertThrows(
            CorruptDataException.class, () -> read(Arrays.copyOf(gz, gz.length - 12), "imgs.gz"));
    assertEquals(true, cut.getMessage().startsWith("imgs.gz: "), cut.getMessage());
    CorruptDataException header =
        assertThrows(CorruptDataException.class, () -> read(Arrays.copyOf(THREE_IMAGES, 6), "h"));
    assertEquals(true, header.getMessage().startsWith("h: truncated"), header.getMessage());
  }

  @Test
  void rejectsBadMagicTrailingBytesAndMismatchedLabels() throws IOException {
    byte[] floats = THREE_LABELS.clone();
    floats[2] = 0x0D;
    CorruptDataException magic = assertThrows(CorruptDataException.class, () -> read(floats, "f"));
    assertEquals(
        "f: bad magic number 0x00000d01, expected 0x000008nn (unsigned bytes, 1..4 dims)",
        magic.getMessage());
    byte[] longer = Arrays.copyOf(THREE_LABELS, THREE_LABELS.length + 1);
    assertThrows(CorruptDataException.class, () -> read(longer, "l"));
    byte[] twoLabels = {0, 0, 8, 1, 0, 0, 0, 2, 1, 2};
    CorruptDataException pair =
        assertThrows(
            CorruptDataException.class,
            () -> LabeledImages.of(read(THREE_IMAGES, "i"), read(twoLabels, "l"), "set"));
    assertEquals("set: expected 3 labels, found shape [2]", pair.getMessage());
  }
}
