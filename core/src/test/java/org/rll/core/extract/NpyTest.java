package org.rll.core.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

class NpyTest {
  private static final String DICT = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";

  /** The format spec, byte by byte: 10-byte preamble, header padded to 128, 6 LE floats. */
  private static byte[] specBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    // HEADER_LEN 118 = 128 - 10, little-endian.
    out.writeBytes(new byte[] {0x76, 0x00});
    out.writeBytes(DICT.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(" ".repeat(58).getBytes(StandardCharsets.US_ASCII));
    out.write('\n');
    out.writeBytes(
        new byte[] {
          0, 0, (byte) 0x80, 0x3f, // 1.0
          0, 0, 0x20, (byte) 0xc0, // -2.5
          0, 0, 0, 0, // 0.0
          0, 0, 0, 0x3f, // 0.5
          0, 0, 0, 0x40, // 2.0
          0, 0, 0x40, 0x40 // 3.0
        });
    return out.toByteArray();
  }

  @Test
  void writesTheVersionOneFormatExactly() {
    byte[] bytes = Npy.encode(new float[] {1f, -2.5f, 0f, 0.5f, 2f, 3f}, 2, 3);
    assertArrayEquals(specBytes(), bytes);
    assertEquals(152, bytes.length);
  }

  @Test
  void headerEndsAtAMultipleOfSixtyFourWhateverTheShape() {
    for (int rows : new int[] {0, 1, 10, 99_999, 123_456_789, Integer.MAX_VALUE}) {
      byte[] bytes = Npy.encode(new float[0], rows, 0);
      int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
      assertEquals(0, (10 + headerLength) % 64, "rows " + rows);
      assertEquals(10 + headerLength, bytes.length, "rows " + rows);
      assertEquals('\n', bytes[bytes.length - 1], "rows " + rows);
      assertEquals(rows, Npy.decode(bytes, "m.npy").rows());
    }
  }

  @Test
  void readsBackWhatItWrites() {
    Npy.Matrix matrix = Npy.decode(specBytes(), "m.npy");
    assertEquals(2, matrix.rows());
    assertEquals(3, matrix.cols());
    assertArrayEquals(new float[] {1f, -2.5f, 0f, 0.5f, 2f, 3f}, matrix.values());
  }

  @Test
  void rejectsWhatIsNotATwoDimensionalFloat32File() {
    byte[] good = specBytes();
    byte[] badMagic = good.clone();
    badMagic[1] = 'X';
    byte[] version2 = good.clone();
    version2[6] = 2;
    byte[] fortran =
        new String(good, StandardCharsets.ISO_8859_1)
            .replace("False", "True ")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] float64 =
        new String(good, StandardCharsets.ISO_8859_1)
            .replace("<f4", "<f8")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] truncated = Arrays.copyOf(good, good.length - 1);
    byte[] longer = Arrays.copyOf(good, good.length + 4);
    for (byte[] bytes : new byte[][] {badMagic, version2, fortran, float64, truncated, longer}) {
      CorruptDataException e =
          assertThrows(CorruptDataException.class, () -> Npy.decode(bytes, "m.npy"));
      assertTrue(e.getMessage().startsWith("m.npy: "), e.getMessage());
    }
  }

  @Test
  void refusesTooFewValues() {
    assertThrows(ValidationException.class, () -> Npy.encode(new float[5], 2, 3));
  }
}
