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
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Tiny dataset files built inside tests: images, text label files, IDX files and archives. */
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

  /**
   * Writes a complete little CUB-200-2011 under {@code base}: classes 1 and 2 (train) and 101 and
   * 102 (test), two JPEGs each.
   */
  public static Path cub(Path base) {
    int[] classes = {1, 2, 101, 102};
    StringBuilder names = new StringBuilder();
    StringBuilder images = new StringBuilder();
    StringBuilder labels = new StringBuilder();
    int id = 1;
    for (int c : classes) {
      String name = String.format("%03d.Bird%d", c, c);
      names.append(c).append(' ').append(name).append('\n');
      for (int i = 0; i < 2; i++, id++) {
        String path = name + "/b" + id + ".jpg";
        image(base.resolve("images").resolve(path), "jpg", id);
        images.append(id).append(' ').append(path).append('\n');
        labels.append(id).append(' ').append(c).append('\n');
      }
    }
    text(base.resolve("classes.txt"), names.toString());
    text(base.resolve("images.txt"), images.toString());
    text(base.resolve("image_class_labels.txt"), labels.toString());
    return base;
  }

  /** The gzipped tar of everything under {@code root}, paths relative to it. */
  public static byte[] tarGz(Path root) {
    return archive(root, bytes -> new TarArchiveOutputStream(new GZIPOutputStream(bytes)));
  }

  /** The zip of everything under {@code root}, paths relative to it. */
  public static byte[] zip(Path root) {
    return archive(root, ZipArchiveOutputStream::new);
  }

  /** Opens an archive stream writing to the bytes it is given. */
  private interface ArchiveOpener<E extends ArchiveEntry> {
    ArchiveOutputStream<E> open(ByteArrayOutputStream bytes) throws IOException;
  }

  private static <E extends ArchiveEntry> byte[] archive(Path root, ArchiveOpener<E> opener) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArchiveOutputStream<E> archive = opener.open(bytes);
        var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace('\\', '/');
        archive.putArchiveEntry(archive.createArchiveEntry(file, name));
        Files.copy(file, archive);
        archive.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
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
