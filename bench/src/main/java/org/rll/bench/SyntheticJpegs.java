package org.rll.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.rll.core.random.SplitMix64;

/**
 * JPEGs that look roughly like photographs to a decoder: smooth colour gradients, a few soft blobs
 * and per-pixel noise, so the entropy coder has realistic work (flat images decode too fast).
 */
final class SyntheticJpegs {
  private SyntheticJpegs() {}

  /** Image {@code index} of a set: {@code width x height}, encoded at {@code quality} (0..1). */
  static byte[] make(long seed, int index, int width, int height, float quality) {
    SplitMix64 random = SplitMix64.derive(seed, index);
    double[][] gradient = new double[3][3];
    for (double[] channel : gradient) {
      channel[0] = 40 + 150 * random.nextDouble();
      channel[1] = (random.nextDouble() - 0.5) * 160 / width;
      channel[2] = (random.nextDouble() - 0.5) * 160 / height;
    }
    double[][] blobs = new double[4][];
    for (int b = 0; b < blobs.length; b++) {
      blobs[b] =
          new double[] {
            random.nextDouble() * width,
            random.nextDouble() * height,
            (0.05 + 0.2 * random.nextDouble()) * width,
            (random.nextDouble() - 0.5) * 160
          };
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    int[] rgb = new int[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double light = 0;
        for (double[] blob : blobs) {
          double dx = (x - blob[0]) / blob[2];
          double dy = (y - blob[1]) / blob[2];
          light += blob[3] * Math.exp(-(dx * dx + dy * dy));
        }
        for (int c = 0; c < 3; c++) {
          double value =
              gradient[c][0]
                  + gradient[c][1] * x
                  + gradient[c][2] * y
                  + light
                  + 12 * random.nextGaussian();
          rgb[c] = (int) Math.max(0, Math.min(255, value));
        }
        image.getRaster().setPixel(x, y, rgb);
      }
    }
    return encode(image, quality);
  }

  private static byte[] encode(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
