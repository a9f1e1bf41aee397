package org.rll.core.image;

/**
 * Bilinear resize on 8-bit interleaved pixels with half-pixel centres (the convention of OpenCV's
 * {@code INTER_LINEAR} and PyTorch's {@code align_corners=False}, without anti-aliasing).
 *
 * <p>It computes only a window of the resized image, optionally mirrored, so a crop (and flip) of
 * the resize costs the crop's pixels, not the whole resize. Output pixel {@code d} samples source
 * coordinate {@code (d + 0.5) * srcSize / dstSize - 0.5}, clamped at the edges; values are mixed in
 * double and rounded half up. Plain Java arithmetic, so the result is the same on every machine.
 */
final class BilinearResize {
  private BilinearResize() {}

  /**
   * Writes the {@code width x height} window at ({@code left}, {@code top}) of {@code image}
   * resized to {@code targetWidth x targetHeight} into {@code out}, interleaved; with {@code
   * mirrored} the window's columns come right to left.
   */
  static void window(
      DecodedImage image,
      int targetWidth,
      int targetHeight,
      CropPlacement placement,
      int width,
      int height,
      byte[] out) {
    int channels = image.channels();
    byte[] pixels = image.raw();
    int[] firstColumn = new int[width];
    int[] secondColumn = new int[width];
    double[] columnWeight = new double[width];
    for (int j = 0; j < width; j++) {
      int dx = placement.x() + (placement.mirrored() ? width - 1 - j : j);
      double sx = sourceCoordinate(dx, image.width(), targetWidth);
      int x0 = (int) sx;
      firstColumn[j] = x0 * channels;
      secondColumn[j] = Math.min(x0 + 1, image.width() - 1) * channels;
      columnWeight[j] = sx - x0;
    }
    int rowBytes = image.width() * channels;
    int o = 0;
    for (int i = 0; i < height; i++) {
      double sy = sourceCoordinate(placement.y() + i, image.height(), targetHeight);
      int y0 = (int) sy;
      int top = y0 * rowBytes;
      int bottom = Math.min(y0 + 1, image.height() - 1) * rowBytes;
      double fy = sy - y0;
      double gy = 1 - fy;
      for (int j = 0; j < width; j++) {
        double fx = columnWeight[j];
        double gx = 1 - fx;
        int a = top + firstColumn[j];
        int b = top + secondColumn[j];
        int c = bottom + firstColumn[j];
        int d = bottom + secondColumn[j];
        for (int k = 0; k < channels; k++) {
          double upper = (pixels[a + k] & 0xff) * gx + (pixels[b + k] & 0xff) * fx;
          double lower = (pixels[c + k] & 0xff) * gx + (pixels[d + k] & 0xff) * fx;
          out[o++] = (byte) (int) (upper * gy + lower * fy + 0.5);
        }
      }
    }
  }

  private static double sourceCoordinate(int d, int sourceSize, int targetSize) {
    double s = (d + 0.5) * sourceSize / targetSize - 0.5;
    return s < 0 ? 0 : s;
  }
}
