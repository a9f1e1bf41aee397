package org.rll.core.idx;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ExceptionText;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST format), gzipped or not: a magic number {@code 00 00
 * 08 nd} (unsigned bytes, {@code nd} dimensions), {@code nd} big-endian dimension sizes, then
 * exactly that many values. Anything else is a {@link CorruptDataException} naming the file.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int MAX_DIMENSIONS = 4;

  private IdxReader() {}

  /** Reads the file at {@code path}; its file name names it in errors. */
  public static IdxArray read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, String.valueOf(path.getFileName()));
    }
  }

  /** Reads an IDX stream to its end (gzip detected by its magic bytes); does not close it. */
  public static IdxArray read(InputStream stream, String name) throws IOException {
    InputStream in = new BufferedInputStream(stream);
    in.mark(2);
    boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    try {
      return readRaw(new DataInputStream(gzipped ? new GZIPInputStream(in) : in), name);
    } catch (EOFException | ZipException e) {
      throw new CorruptDataException(
          name + ": truncated or corrupt (" + ExceptionText.describe(e) + ")", e);
    }
  }

  private static IdxArray readRaw(DataInputStream in, String name) throws IOException {
    int magic = in.readInt();
    int dimensions = magic & 0xff;
    if ((magic >>> 8) != UNSIGNED_BYTE || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new CorruptDataException(
          String.format(
              "%s: bad magic number 0x%08x, expected 0x000008nn (unsigned bytes, 1..%d dims)",
              name, magic, MAX_DIMENSIONS));
    }
    int[] shape = new int[dimensions];
    long total = 1;
    for (int i = 0; i < dimensions; i++) {
      shape[i] = in.readInt();
      total *= Math.max(shape[i], 0);
      if (shape[i] < 0 || total > Integer.MAX_VALUE - 8) {
        throw new CorruptDataException(
            name + ": bad shape " + Arrays.toString(Arrays.copyOf(shape, i + 1)));
      }
    }
    byte[] data = new byte[(int) total];
    int found = in.readNBytes(data, 0, data.length);
    long itemSize = shape[0] == 0 ? 1 : total / shape[0];
    if (found < data.length) {
      throw new CorruptDataException(
          String.format(
              "%s: expected %d items of %d bytes (shape %s), found %d bytes (%d whole items)",
              name, shape[0], itemSize, Arrays.toString(shape), found, found / itemSize));
    }
    if (in.read() != -1) {
      throw new CorruptDataException(
          name
              + ": trailing bytes after "
              + shape[0]
              + " items of shape "
              + Arrays.toString(shape));
    }
    return new IdxArray(shape, data);
  }
}
