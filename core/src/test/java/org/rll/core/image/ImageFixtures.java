package org.rll.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;

/** Tiny images built in code, and their encodings, for the image tests. */
final class ImageFixtures {
  private ImageFixtures() {}

  /**
   * A width x height image whose channel c at (x, y) is {@code (37 x + 11 y + 80 c + seed) % 256}.
   */
  static DecodedImage pattern(int width, int height, int channels, int seed) {
    byte[] pixels = new byte[width * height * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          pixels[(y * width + x) * channels + c] = (byte) ((37 * x + 11 * y + 80 * c + seed) % 256);
        }
      }
    }
    return DecodedImage.of(width, height, channels, pixels);
  }

  /** {@code image} encoded in {@code format} ("png" is lossless, "jpg" is not). */
  static byte[] encode(DecodedImage image, String format) {
    int type = image.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    BufferedImage buffered = new BufferedImage(image.width(), image.height(), type);
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int[] sample = new int[image.channels()];
        for (int c = 0; c < sample.length; c++) {
          sample[c] = image.value(x, y, c);
        }
        buffered.getRaster().setPixel(x, y, sample);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(buffered, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An uncompressed IDX3 file of {@code count} rows x cols images, byte i of it being i % 251. */
  static byte[] idx(int count, int rows, int cols) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
    buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count * rows * cols; i++) {
      buffer.put((byte) (i % 251));
    }
    return buffer.array();
  }

  /** A normalisation that leaves 0..255 values as they are, in RGB order or grey. */
  static Normalization identity(int channels) {
    double[] zeros = new double[channels];
    double[] ones = new double[channels];
    java.util.Arrays.fill(ones, 1);
    return new Normalization(Normalization.ChannelOrder.RGB, 1, zeros, ones);
  }
}
