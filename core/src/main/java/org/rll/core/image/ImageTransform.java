package org.rll.core.image;

/**
 * Applies an {@link ImageTransformConfig} to decoded images: channel conversion, the resize and
 * crop (computed together: only the crop's pixels are resized), the flip, then the normalisation,
 * written as float32 channel-major (C, H, W). Immutable and safe to share between threads.
 */
public final class ImageTransform {
  private final ImageTransformConfig config;
  private final float[][] table;
  private final int[] sourceChannel;

  /** A transform applying {@code config}. */
  public ImageTransform(ImageTransformConfig config) {
    this.config = config;
    this.table = config.normalization().lookupTable();
    this.sourceChannel = new int[config.channels()];
    for (int c = 0; c < sourceChannel.length; c++) {
      sourceChannel[c] = config.normalization().sourceChannel(c);
    }
  }

  public ImageTransformConfig config() {
    return config;
  }

  /**
   * Transforms {@code image} as the sample at {@code position} of batch {@code iteration} and
   * writes its {@link ImageTransformConfig#imageFloats()} values into {@code out} from {@code
   * offset}.
   */
  public void apply(
      DecodedImage image, long seed, long iteration, long position, float[] out, int offset) {
    DecodedImage converted = image.withChannels(config.channels());
    int width = config.cropWidth();
    int height = config.cropHeight();
    int channels = config.channels();
    byte[] window = new byte[width * height * channels];
    BilinearResize.window(
        converted,
        config.resizeWidth(),
        config.resizeHeight(),
        CropPlacement.draw(config, seed, iteration, position),
        width,
        height,
        window);
    int plane = width * height;
    for (int c = 0; c < channels; c++) {
      float[] values = table[c];
      int from = sourceChannel[c];
      int to = offset + c * plane;
      for (int p = 0; p < plane; p++) {
        out[to + p] = values[window[p * channels + from] & 0xff];
      }
    }
  }

  /**
   * Transforms {@code image} into a new array; see {@link #apply(DecodedImage, long, long, long,
   * float[], int)}.
   */
  public float[] apply(DecodedImage image, long seed, long iteration, long position) {
    float[] out = new float[config.imageFloats()];
    apply(image, seed, iteration, position, out, 0);
    return out;
  }
}
