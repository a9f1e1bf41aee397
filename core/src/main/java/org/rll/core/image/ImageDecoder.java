package org.rll.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.rll.core.exceptions.CorruptDataException;

/**
 * Decodes encoded image bytes (JPEG, PNG, BMP, GIF: whatever ImageIO reads) into a {@link
 * DecodedImage}: 8-bit grey images stay one channel, everything else becomes R, G, B.
 *
 * <p>Reading goes through an in-memory stream (no ImageIO disk cache). A reader warning, such as
 * the JPEG reader's "premature end of data" on a truncated file, fails the decode: the reader would
 * otherwise return a partly grey image without complaint.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * Decodes {@code bytes}; {@code name} (the image key) names the image in errors.
   *
   * @throws CorruptDataException if the bytes are not a complete image of a readable format
   */
  public static DecodedImage decode(byte[] bytes, String name) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      return fromBufferedImage(readStrictly(in));
    } catch (CorruptDataException e) {
      throw new CorruptDataException(name + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new CorruptDataException(name + ": cannot decode image: " + e, e);
    }
  }

  /**
   * Reads the first image of {@code in}, failing on any reader warning as well as on errors.
   *
   * @throws CorruptDataException "not an image: ..." when no reader recognises the bytes, or
   *     "truncated or damaged: ..." with the reader's warnings
   */
  public static BufferedImage readStrictly(ImageInputStream in) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    if (!readers.hasNext()) {
      throw new CorruptDataException("not an image: no decoder recognises its bytes");
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try {
      reader.setInput(in, true, true);
      BufferedImage image = reader.read(0);
      if (!warnings.isEmpty()) {
        throw new CorruptDataException("truncated or damaged: " + String.join("; ", warnings));
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  /** The pixels of {@code image}: 8-bit grey as is, anything else through its sRGB values. */
  public static DecodedImage fromBufferedImage(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int type = image.getType();
    if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY) {
      int channels = type == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
      // Raster data elements come in band order, which is R, G, B for TYPE_3BYTE_BGR.
      byte[] pixels =
          (byte[])
              image
                  .getRaster()
                  .getDataElements(0, 0, width, height, new byte[width * height * channels]);
      return DecodedImage.wrap(width, height, channels, pixels);
    }
    int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
    byte[] pixels = new byte[argb.length * 3];
    for (int p = 0; p < argb.length; p++) {
      pixels[3 * p] = (byte) (argb[p] >> 16);
      pixels[3 * p + 1] = (byte) (argb[p] >> 8);
      pixels[3 * p + 2] = (byte) argb[p];
    }
    return DecodedImage.wrap(width, height, 3, pixels);
  }
}
