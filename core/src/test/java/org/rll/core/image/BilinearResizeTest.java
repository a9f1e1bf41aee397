package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BilinearResizeTest {

  private static byte[] fullResize(DecodedImage image, int width, int height) {
    byte[] out = new byte[width * height * image.channels()];
    BilinearResize.window(image, width, height, new CropPlacement(0, 0, false), width, height, out);
    return out;
  }

  @Test
  void upsamplingARowByHand() {
    DecodedImage row = DecodedImage.of(2, 1, 1, new byte[] {0, 100});
    // Source coordinates -0.25 (clamped to 0), 0.25, 0.75, 1.25 (right neighbour clamped).
    assertArrayEquals(new byte[] {0, 25, 75, 100}, fullResize(row, 4, 1));
  }

  @Test
  void downsamplingAveragesNeighboursAndRoundsHalfUp() {
    DecodedImage row = DecodedImage.of(4, 1, 1, new byte[] {10, 20, 30, 41});
    // Source coordinates 0.5 and 2.5: the means 15 and 35.5, rounded up to 36.
    assertArrayEquals(new byte[] {15, 36}, fullResize(row, 2, 1));
  }

  @Test
  void twoByTwoToThreeByThreeByHand() {
    DecodedImage square = DecodedImage.of(2, 2, 1, new byte[] {0, 60, (byte) 120, (byte) 180});
    // Coordinates -1/6 (clamped), 0.5, 7/6 (clamped to the last pixel) in both directions.
    byte[] expected = {0, 30, 60, 60, 90, 120, (byte) 120, (byte) 150, (byte) 180};
    assertArrayEquals(expected, fullResize(square, 3, 3));
  }

  @Test
  void resizingAFiveByFourImageMatchesTheReference() {
    for (int channels : new int[] {1, 3}) {
      DecodedImage image = ImageFixtures.pattern(5, 4, channels, 7);
      for (int[] size : new int[][] {{5, 4}, {8, 6}, {3, 3}, {2, 7}, {1, 1}, {13, 11}}) {
        assertArrayEquals(
            ReferenceImageOps.interleaved(ReferenceImageOps.resize(image, size[0], size[1])),
            fullResize(image, size[0], size[1]),
            channels + " channels to " + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void resizingToTheSameSizeIsACopy() {
    DecodedImage image = ImageFixtures.pattern(5, 4, 3, 3);
    assertArrayEquals(image.pixels(), fullResize(image, 5, 4));
  }

  @Test
  void everyWindowIsTheCropOfTheFullResizeMirroredOrNot() {
    DecodedImage image = ImageFixtures.pattern(5, 4, 3, 1);
    int[][][] resized = ReferenceImageOps.resize(image, 7, 6);
    for (boolean mirrored : new boolean[] {false, true}) {
      for (int top = 0; top <= 2; top++) {
        for (int left = 0; left <= 3; left++) {
          byte[] window = new byte[4 * 4 * 3];
          BilinearResize.window(image, 7, 6, new CropPlacement(left, top, mirrored), 4, 4, window);
          assertArrayEquals(
              ReferenceImageOps.interleaved(
                  ReferenceImageOps.crop(resized, left, top, 4, 4, mirrored)),
              window,
              "window at " + left + "," + top + (mirrored ? " mirrored" : ""));
        }
      }
    }
  }
}
