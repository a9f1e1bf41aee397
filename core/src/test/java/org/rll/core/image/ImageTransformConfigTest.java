package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class ImageTransformConfigTest {

  @Test
  void paperPresets() {
    ImageTransformConfig training =
        ImageTransformConfig.training(Normalization.RESNET50_TORCHVISION);
    assertEquals(
        new ImageTransformConfig(
            256, 256, 227, 227, true, true, 3, Normalization.RESNET50_TORCHVISION),
        training);
    ImageTransformConfig test = ImageTransformConfig.test(Normalization.BN_INCEPTION);
    assertFalse(test.randomCrop());
    assertFalse(test.flip());
    assertEquals(3 * 227 * 227, test.imageFloats());
  }

  @Test
  void grayscalePresetKeepsTwentyEightByTwentyEight() {
    ImageTransformConfig grey = ImageTransformConfig.grayscale28();
    assertEquals(
        new ImageTransformConfig(28, 28, 28, 28, false, false, 1, Normalization.FASHION_MNIST),
        grey);
    assertEquals(784, grey.imageFloats());
  }

  @Test
  void builderSetsEveryField() {
    ImageTransformConfig config =
        ImageTransformConfig.builder()
            .setNormalization(Normalization.FASHION_MNIST)
            .optChannels(1)
            .optResize(32, 30)
            .optCrop(28, 26)
            .optRandomCrop(true)
            .optFlip(true)
            .build();
    assertEquals(
        new ImageTransformConfig(32, 30, 28, 26, true, true, 1, Normalization.FASHION_MNIST),
        config);
  }

  @Test
  void badSizesAndMismatchedChannelsAreRejected() {
    ImageTransformConfig.Builder resnet =
        ImageTransformConfig.builder().setNormalization(Normalization.RESNET50_TORCHVISION);
    ValidationException tooLarge =
        assertThrows(ValidationException.class, () -> resnet.optCrop(300, 227).build());
    assertTrue(tooLarge.getMessage().contains("300x227"), tooLarge.getMessage());
    assertThrows(ValidationException.class, () -> resnet.optCrop(227, 227).optResize(0, 5).build());
    ValidationException channels =
        assertThrows(
            ValidationException.class, () -> resnet.optResize(256, 256).optChannels(1).build());
    assertTrue(channels.getMessage().contains("3 channels"), channels.getMessage());
    assertThrows(ValidationException.class, () -> resnet.optChannels(2).build());
    assertThrows(ValidationException.class, () -> ImageTransformConfig.builder().build());
  }
}
