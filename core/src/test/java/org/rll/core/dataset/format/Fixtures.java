package org.rll.core.dataset.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Tiny dataset files built inside tests: images, text label files and IDX files. */
public final class Fixtures {
  private Fixtures() {}

  /** Writes an 8x8 image with a pattern from {@code seed}; {@code format} is "jpg" or "png". */
  public static Path image(Path file, String format, int seed) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        image.setRGB(x, y, (seed * 40 + x * 30 + y * 20) * 0x010101 & 0xffffff);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format.equals("jpg") ? "jpeg" : format, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes(file, bytes.toByteArray());
  }

  /** Writes {@code text} as UTF-8, creating parent directories. */
  public static Path text(Path file, String text) {
    return bytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content}, creating parent directories. */
  public static Path bytes(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cuts a file to its first {@code keep} bytes. */
  public static Path truncate(Path file, int keep) {
    try {
      return bytes(file, Arrays.copyOf(Files.readAllBytes(file), keep));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a gzipped IDX file of unsigned bytes with the given shape. */
  public static Path gzippedIdx(Path file, int[] shape, byte[] values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(new byte[] {0, 0, 8, (byte) shape.length});
      for (int dimension : shape) {
        gzip.write(
            new byte[] {
              (byte) (dimension >>> 24),
              (byte) (dimension >>> 16),
              (byte) (dimension >>> 8),
              (byte) dimension
            });
      }
      gzip.write(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes(file, bytes.toByteArray());
  }
}
