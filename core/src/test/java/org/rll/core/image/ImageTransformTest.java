package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageTransformTest {
  /** A 4x3 RGB image whose channel c at (x, y) is 100 c + 10 y + x. */
  private static final DecodedImage IMAGE = numbered(4, 3);

  private static DecodedImage numbered(int width, int height) {
    byte[] pixels = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < 3; c++) {
          pixels[(y * width + x) * 3 + c] = (byte) (100 * c + 10 * y + x);
        }
      }
    }
    return DecodedImage.of(width, height, 3, pixels);
  }

  private static ImageTransformConfig.Builder noResize(Normalization norm) {
    return ImageTransformConfig.builder().setNormalization(norm).optResize(4, 3).optCrop(2, 2);
  }

  /** The first position of iteration 0 whose flip coin matches {@code mirrored}. */
  private static int positionWithFlip(ImageTransformConfig config, boolean mirrored) {
    int position = 0;
    while (CropPlacement.draw(config, 5, 0, position).mirrored() != mirrored) {
      position++;
    }
    return position;
  }

  @Test
  void centreCropTakesTheMiddlePixelsChannelMajor() {
    ImageTransformConfig config = noResize(ImageFixtures.identity(3)).build();
    float[] out = new ImageTransform(config).apply(IMAGE, 5, 0, 0);
    // Spare 2 columns and 1 row: the crop starts at column 1, row 0.
    float[] expected = {1, 2, 11, 12, 101, 102, 111, 112, 201, 202, 211, 212};
    assertArrayEquals(expected, out);
  }

  @Test
  void randomCropAndFlipTakeTheDrawnPixelsExactly() {
    ImageTransformConfig config =
        noResize(ImageFixtures.identity(3)).optRandomCrop(true).optFlip(true).build();
    ImageTransform transform = new ImageTransform(config);
    for (boolean mirrored : new boolean[] {false, true}) {
      int position = positionWithFlip(config, mirrored);
      CropPlacement at = CropPlacement.draw(config, 5, 0, position);
      int left = mirrored ? at.x() + 1 : at.x();
      int right = mirrored ? at.x() : at.x() + 1;
      float[] expected = new float[12];
      for (int c = 0, i = 0; c < 3; c++) {
        for (int y = at.y(); y < at.y() + 2; y++) {
          expected[i++] = 100 * c + 10 * y + left;
          expected[i++] = 100 * c + 10 * y + right;
        }
      }
      assertArrayEquals(expected, transform.apply(IMAGE, 5, 0, position), "mirrored " + mirrored);
    }
  }

  @Test
  void randomCropsReachEveryOffsetAndDependOnlyOnSeedIterationPosition() {
    ImageTransformConfig config =
        noResize(ImageFixtures.identity(3)).optRandomCrop(true).optFlip(true).build();
    Set<CropPlacement> seen = new HashSet<>();
    for (int position = 0; position < 200; position++) {
      CropPlacement placement = CropPlacement.draw(config, 5, 3, position);
      assertTrue(
          placement.x() >= 0 && placement.x() <= 2 && placement.y() >= 0 && placement.y() <= 1);
      assertEquals(placement, CropPlacement.draw(config, 5, 3, position));
      seen.add(placement);
    }
    assertEquals(3 * 2 * 2, seen.size()); // every offset, flipped and not
    ImageTransformConfig noFlip = noResize(ImageFixtures.identity(3)).optRandomCrop(true).build();
    for (int position = 0; position < 50; position++) {
      CropPlacement flipped = CropPlacement.draw(config, 5, 3, position);
      CropPlacement plain = CropPlacement.draw(noFlip, 5, 3, position);
      assertFalse(plain.mirrored());
      assertEquals(new CropPlacement(flipped.x(), flipped.y(), false), plain);
    }
  }

  @Test
  void bgrOrderPutsBlueFirst() {
    Normalization bgr =
        new Normalization(
            Normalization.ChannelOrder.BGR, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
    float[] out = new ImageTransform(noResize(bgr).build()).apply(IMAGE, 5, 0, 0);
    float[] expected = {201, 202, 211, 212, 101, 102, 111, 112, 1, 2, 11, 12};
    assertArrayEquals(expected, out);
  }

  @Test
  void greyImagesAreRepeatedIntoColourAndColourBecomesLuma() {
    DecodedImage grey = DecodedImage.of(2, 1, 1, new byte[] {7, (byte) 200});
    ImageTransformConfig colour =
        ImageTransformConfig.builder()
            .setNormalization(ImageFixtures.identity(3))
            .optResize(2, 1)
            .optCrop(2, 1)
            .build();
    assertArrayEquals(
        new float[] {7, 200, 7, 200, 7, 200}, new ImageTransform(colour).apply(grey, 1, 0, 0));
    DecodedImage rgb = DecodedImage.of(1, 1, 3, new byte[] {(byte) 255, (byte) 128, 0});
    // (299 x 255 + 587 x 128 + 114 x 0 + 500) / 1000 = 151
    assertArrayEquals(new byte[] {(byte) 151}, rgb.withChannels(1).pixels());
  }

  @Test
  void thePaperPipelineMatchesTheReferenceExactly() {
    DecodedImage image = ImageFixtures.pattern(5, 4, 3, 9);
    for (Normalization norm :
        new Normalization[] {Normalization.RESNET50_TORCHVISION, Normalization.BN_INCEPTION}) {
      ImageTransformConfig config =
          ImageTransformConfig.builder()
              .setNormalization(norm)
              .optResize(9, 7)
              .optCrop(6, 5)
              .optRandomCrop(true)
              .optFlip(true)
              .build();
      ImageTransform transform = new ImageTransform(config);
      for (int position = 0; position < 20; position++) {
        assertArrayEquals(
            ReferenceImageOps.transform(image, config, 11, 4, position),
            transform.apply(image, 11, 4, position),
            norm + " position " + position);
      }
    }
  }

  @Test
  void greyscaleIdxPathLeavesPixelsInPlace() {
    DecodedImage digit = ImageFixtures.pattern(28, 28, 1, 0);
    float[] out = new ImageTransform(ImageTransformConfig.grayscale28()).apply(digit, 1, 2, 3);
    float[][] table = Normalization.FASHION_MNIST.lookupTable();
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        assertEquals(table[0][digit.value(x, y, 0)], out[y * 28 + x]);
      }
    }
  }
}
