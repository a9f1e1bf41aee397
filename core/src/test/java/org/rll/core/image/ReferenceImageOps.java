package org.rll.core.image;

/**
 * Plain, one-pixel-at-a-time versions of the preprocessing, to check the fast kernels against: a
 * full bilinear resize, then a crop, then a flip, then the normalisation formula.
 */
final class ReferenceImageOps {
  private ReferenceImageOps() {}

  /** The whole image resized, as [row][column][channel] values 0..255. */
  static int[][][] resize(DecodedImage image, int width, int height) {
    int[][][] out = new int[height][width][image.channels()];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double sy = Math.max(0, (y + 0.5) * image.height() / height - 0.5);
        double sx = Math.max(0, (x + 0.5) * image.width() / width - 0.5);
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        int y1 = Math.min(y0 + 1, image.height() - 1);
        int x1 = Math.min(x0 + 1, image.width() - 1);
        double fy = sy - y0;
        double fx = sx - x0;
        for (int c = 0; c < image.channels(); c++) {
          double upper = image.value(x0, y0, c) * (1 - fx) + image.value(x1, y0, c) * fx;
          double lower = image.value(x0, y1, c) * (1 - fx) + image.value(x1, y1, c) * fx;
          out[y][x][c] = (int) Math.floor(upper * (1 - fy) + lower * fy + 0.5);
        }
      }
    }
    return out;
  }

  /** The {@code width x height} crop at ({@code left}, {@code top}), mirrored if asked. */
  static int[][][] crop(int[][][] image, int left, int top, int width, int height, boolean mirror) {
    int[][][] out = new int[height][width][];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int column = mirror ? left + width - 1 - x : left + x;
        out[y][x] = image[top + y][column].clone();
      }
    }
    return out;
  }

  /** The whole preprocessing of one sample, as float32 CHW. */
  static float[] transform(
      DecodedImage image, ImageTransformConfig config, long seed, long iteration, long position) {
    CropPlacement placement = CropPlacement.draw(config, seed, iteration, position);
    int[][][] resized =
        resize(image.withChannels(config.channels()), config.resizeWidth(), config.resizeHeight());
    int[][][] crop =
        crop(
            resized,
            placement.x(),
            placement.y(),
            config.cropWidth(),
            config.cropHeight(),
            placement.mirrored());
    Normalization norm = config.normalization();
    double[] mean = norm.mean();
    double[] std = norm.std();
    boolean bgr = norm.channelOrder() == Normalization.ChannelOrder.BGR && config.channels() == 3;
    float[] out = new float[config.imageFloats()];
    int i = 0;
    for (int c = 0; c < config.channels(); c++) {
      for (int y = 0; y < config.cropHeight(); y++) {
        for (int x = 0; x < config.cropWidth(); x++) {
          int value = crop[y][x][bgr ? 2 - c : c];
          out[i++] = (float) ((value * norm.scale() - mean[c]) / std[c]);
        }
      }
    }
    return out;
  }

  /** The flat interleaved bytes of an [row][column][channel] image. */
  static byte[] interleaved(int[][][] image) {
    int channels = image[0][0].length;
    byte[] out = new byte[image.length * image[0].length * channels];
    int i = 0;
    for (int[][] row : image) {
      for (int[] pixel : row) {
        for (int c = 0; c < channels; c++) {
          out[i++] = (byte) pixel[c];
        }
      }
    }
    return out;
  }
}
