package org.rll.core.image;

import org.rll.core.exceptions.ValidationException;

/**
 * A decoded 8-bit image: width x height pixels of 1 (grey) or 3 (R, G, B) channels, stored
 * row-major and interleaved (height, width, channels). Immutable.
 */
public final class DecodedImage {
  private final int width;
  private final int height;
  private final int channels;
  private final byte[] pixels;

  /**
   * An image over a copy of {@code pixels} (interleaved, row-major, read unsigned).
   *
   * @throws ValidationException if the sizes are not positive, channels is not 1 or 3, or the array
   *     length is not width x height x channels
   */
  public static DecodedImage of(int width, int height, int channels, byte[] pixels) {
    return new DecodedImage(width, height, channels, pixels.clone());
  }

  private DecodedImage(int width, int height, int channels, byte[] pixels) {
    ValidationException.check(
        width > 0 && height > 0, "image size must be positive, got %dx%d", width, height);
    ValidationException.check(
        channels == 1 || channels == 3, "channels must be 1 or 3, got %d", channels);
    ValidationException.check(
        pixels.length == (long) width * height * channels,
        "a %dx%d image of %d channels needs %d bytes, got %d",
        width,
        height,
        channels,
        (long) width * height * channels,
        pixels.length);
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.pixels = pixels;
  }

  /** Wraps an array the caller hands over and never touches again: no copy. */
  static DecodedImage wrap(int width, int height, int channels, byte[] pixels) {
    return new DecodedImage(width, height, channels, pixels);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** 1 for grey, 3 for R, G, B. */
  public int channels() {
    return channels;
  }

  /** The value of channel {@code c} at column {@code x}, row {@code y}, 0..255. */
  public int value(int x, int y, int c) {
    return Byte.toUnsignedInt(pixels[(y * width + x) * channels + c]);
  }

  /** A copy of the interleaved pixels. */
  public byte[] pixels() {
    return pixels.clone();
  }

  /** The interleaved pixels themselves, for kernels of this package that only read them. */
  byte[] raw() {
    return pixels;
  }

  /**
   * This image with {@code target} channels: grey is repeated into R, G and B; colour becomes grey
   * by the ITU-R BT.601 luma {@code (299 R + 587 G + 114 B + 500) / 1000}.
   */
  public DecodedImage withChannels(int target) {
    ValidationException.check(
        target == 1 || target == 3, "channels must be 1 or 3, got %d", target);
    if (target == channels) {
      return this;
    }
    int count = width * height;
    byte[] converted = new byte[count * target];
    for (int p = 0; p < count; p++) {
      if (target == 3) {
        converted[3 * p] = pixels[p];
        converted[3 * p + 1] = pixels[p];
        converted[3 * p + 2] = pixels[p];
      } else {
        int r = Byte.toUnsignedInt(pixels[3 * p]);
        int g = Byte.toUnsignedInt(pixels[3 * p + 1]);
        int b = Byte.toUnsignedInt(pixels[3 * p + 2]);
        converted[p] = (byte) ((299 * r + 587 * g + 114 * b + 500) / 1000);
      }
    }
    return wrap(width, height, target, converted);
  }
}
