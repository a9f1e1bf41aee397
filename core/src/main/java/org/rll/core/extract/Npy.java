package org.rll.core.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;

/**
 * NumPy's {@code .npy} format, version 1.0, for 2-D little-endian float32 matrices in C order: the
 * magic {@code \x93NUMPY}, the version bytes 1 and 0, a little-endian uint16 header length, then an
 * ASCII dict {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }} padded with spaces
 * and ended by a newline so that the data starts at a multiple of 64 bytes, then the data.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int PREAMBLE = MAGIC.length + 2 + 2;
  private static final int ALIGNMENT = 64;
  private static final Pattern HEADER =
      Pattern.compile(
          "\\{'descr': '<f4', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\), \\} *\n");

  private Npy() {}

  /** A {@code rows x cols} matrix read from a {@code .npy} file; {@code values} is row-major. */
  public record Matrix(int rows, int cols, float[] values) {}

  /** The {@code .npy} bytes of the first {@code rows x cols} values of {@code values}. */
  public static byte[] encode(float[] values, int rows, int cols) {
    ValidationException.check(
        rows >= 0 && cols >= 0 && (long) rows * cols <= values.length,
        "a %d x %d matrix needs %d values, got %d",
        rows,
        cols,
        (long) rows * cols,
        values.length);
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows,
            cols);
    int unpadded = PREAMBLE + dict.length() + 1;
    int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
    String header = dict + " ".repeat(padding) + "\n";
    long size = PREAMBLE + header.length() + 4L * rows * cols;
    ValidationException.check(
        size <= Integer.MAX_VALUE, "a %d x %d matrix is too large for one array", rows, cols);
    ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    out.put(header.getBytes(StandardCharsets.US_ASCII));
    out.asFloatBuffer().put(values, 0, rows * cols);
    return out.array();
  }

  /**
   * Parses {@code bytes} as written by {@link #encode}; {@code source} names them in errors.
   *
   * @throws CorruptDataException when the bytes are not a version 1.0, 2-D, C-order float32 npy
   *     file or their data is longer or shorter than the shape says
   */
  public static Matrix decode(byte[] bytes, String source) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < PREAMBLE
        || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new CorruptDataException(source + ": not an npy file (bad magic)");
    }
    if (bytes[6] != 1 || bytes[7] != 0) {
      throw new CorruptDataException(
          String.format(
              Locale.ROOT, "%s: npy version %d.%d, expected 1.0", source, bytes[6], bytes[7]));
    }
    int headerLength = Short.toUnsignedInt(in.getShort(8));
    if (PREAMBLE + headerLength > bytes.length) {
      throw new CorruptDataException(source + ": npy header runs past the end of the file");
    }
    String header = new String(bytes, PREAMBLE, headerLength, StandardCharsets.US_ASCII);
    Matcher match = HEADER.matcher(header);
    if (!match.matches()) {
      throw new CorruptDataException(
          source + ": expected a 2-D C-order '<f4' npy header, got " + header.strip());
    }
    int rows = parseDimension(match.group(1), source);
    int cols = parseDimension(match.group(2), source);
    long expected = 4L * rows * cols;
    long actual = bytes.length - (long) PREAMBLE - headerLength;
    if (actual != expected) {
      throw new CorruptDataException(
          String.format(
              Locale.ROOT,
              "%s: shape (%d, %d) needs %d data bytes, the file has %d",
              source,
              rows,
              cols,
              expected,
              actual));
    }
    float[] values = new float[rows * cols];
    in.position(PREAMBLE + headerLength);
    in.asFloatBuffer().get(values);
    return new Matrix(rows, cols, values);
  }

  private static int parseDimension(String digits, String source) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new CorruptDataException(source + ": npy dimension too large: " + digits);
    }
  }
}
