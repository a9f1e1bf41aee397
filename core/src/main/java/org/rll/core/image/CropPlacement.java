package org.rll.core.image;

import org.rll.core.random.SplitMix64;

/**
 * Where one sample's crop lies in its resized image and whether it is mirrored.
 *
 * @param x the crop's left column in the resized image
 * @param y the crop's top row in the resized image
 * @param mirrored whether the crop is flipped horizontally
 */
public record CropPlacement(int x, int y, boolean mirrored) {

  /**
   * The placement of the sample at {@code position} of batch {@code iteration}: a function of
   * (seed, iteration, position) only, drawn from {@code SplitMix64.derive(seed, iteration,
   * position)}. The stream is always read the same way (x, y, then the flip coin) so that turning
   * one option off never moves the choices of the others.
   */
  public static CropPlacement draw(
      ImageTransformConfig config, long seed, long iteration, long position) {
    int spareX = config.resizeWidth() - config.cropWidth();
    int spareY = config.resizeHeight() - config.cropHeight();
    SplitMix64 random = SplitMix64.derive(seed, iteration, position);
    int randomX = random.nextInt(spareX + 1);
    int randomY = random.nextInt(spareY + 1);
    boolean coin = random.nextLong() < 0;
    return config.randomCrop()
        ? new CropPlacement(randomX, randomY, config.flip() && coin)
        : new CropPlacement(spareX / 2, spareY / 2, config.flip() && coin);
  }
}
