package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.Normalization.ChannelOrder;

class NormalizationTest {

  @Test
  void resnet50TorchvisionValues() {
    float[][] table = Normalization.RESNET50_TORCHVISION.lookupTable();
    assertEquals(-2.117904f, table[0][0]); // (0 - 0.485) / 0.229
    assertEquals(0.20518208f, table[1][128]); // (128 / 255 - 0.456) / 0.224
    assertEquals(2.64f, table[2][255]); // (1 - 0.406) / 0.225
    assertEquals(0, Normalization.RESNET50_TORCHVISION.sourceChannel(0));
    assertEquals(2, Normalization.RESNET50_TORCHVISION.sourceChannel(2));
  }

  @Test
  void bnInceptionIsBgrWithTheMeanPixelRemoved() {
    Normalization bgr = Normalization.BN_INCEPTION;
    float[][] table = bgr.lookupTable();
    assertEquals(96f, table[0][200]); // blue 200 - 104
    assertEquals(-117f, table[1][0]);
    assertEquals(127f, table[2][255]); // red 255 - 128
    assertEquals(2, bgr.sourceChannel(0)); // output channel 0 is blue, image channel 2
    assertEquals(1, bgr.sourceChannel(1));
    assertEquals(0, bgr.sourceChannel(2));
  }

  @Test
  void fashionMnistIsOneGreyChannel() {
    float[][] table = Normalization.FASHION_MNIST.lookupTable();
    assertEquals(1, Normalization.FASHION_MNIST.channels());
    assertEquals(-0.8101983f, table[0][0]); // -0.2860 / 0.3530
    assertEquals(2.0226629f, table[0][255]); // (1 - 0.2860) / 0.3530
  }

  @Test
  void badValuesAreRejectedNamingThem() {
    ValidationException zeroStd =
        assertThrows(
            ValidationException.class,
            () -> new Normalization(ChannelOrder.RGB, 1, new double[] {0}, new double[] {0}));
    assertTrue(zeroStd.getMessage().contains("[0.0]"), zeroStd.getMessage());
    ValidationException twoChannels =
        assertThrows(
            ValidationException.class,
            () -> new Normalization(ChannelOrder.RGB, 1, new double[2], new double[] {1, 1}));
    assertTrue(twoChannels.getMessage().contains("[0.0, 0.0]"), twoChannels.getMessage());
    assertThrows(
        ValidationException.class,
        () -> new Normalization(ChannelOrder.RGB, 1, new double[3], new double[] {1}));
    ValidationException scale =
        assertThrows(
            ValidationException.class,
            () -> new Normalization(ChannelOrder.BGR, -2, new double[1], new double[] {1}));
    assertTrue(scale.getMessage().contains("-2"), scale.getMessage());
    assertThrows(
        ValidationException.class,
        () -> new Normalization(null, 1, new double[1], new double[] {1}));
  }

  @Test
  void arraysAreCopiedAndComparedByValue() {
    double[] mean = {1, 2, 3};
    Normalization norm = new Normalization(ChannelOrder.RGB, 1, mean, new double[] {1, 1, 1});
    mean[0] = 99;
    norm.mean()[1] = 99;
    assertArrayEquals(new double[] {1, 2, 3}, norm.mean());
    Normalization same =
        new Normalization(ChannelOrder.RGB, 1, new double[] {1, 2, 3}, new double[] {1, 1, 1});
    assertEquals(same, norm);
    assertEquals(same.hashCode(), norm.hashCode());
    assertNotEquals(
        new Normalization(ChannelOrder.BGR, 1, new double[] {1, 2, 3}, new double[] {1, 1, 1}),
        norm);
  }
}
