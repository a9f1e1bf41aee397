package org.rll.core.dataset.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Tiny dataset files built inside tests: images, text label files and IDX files. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * Writes a 48x48 image of noise from {@code seed}, large enough that cutting a JPEG's tail lands
   * inside its scan data; {@code format} is "jpg" or "png".
   */
  public static Path image(Path file, String format, int seed) {
    BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 48; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
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

  /** Cuts a file to its first three quarters. */
  public static Path truncate(Path file) {
    try {
      byte[] content = Files.readAllBytes(file);
      return bytes(file, Arrays.copyOf(content, content.length * 3 / 4));
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
