package org.rll.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.CorruptDataException;

class ImageDecoderTest {

  @Test
  void pngColourAndGreyRoundTripExactly() {
    for (int channels : new int[] {1, 3}) {
      DecodedImage image = ImageFixtures.pattern(5, 4, channels, 2);
      DecodedImage decoded = ImageDecoder.decode(ImageFixtures.encode(image, "png"), "a.png");
      assertEquals(channels, decoded.channels());
      assertEquals(5, decoded.width());
      assertEquals(4, decoded.height());
      assertArrayEquals(image.pixels(), decoded.pixels());
    }
  }

  @Test
  void jpegDecodesToItsSizeAndCloseValues() {
    byte[] flat = new byte[16 * 8 * 3];
    for (int p = 0; p < 16 * 8; p++) {
      flat[3 * p] = (byte) 200;
      flat[3 * p + 1] = 100;
      flat[3 * p + 2] = 50;
    }
    DecodedImage image = DecodedImage.of(16, 8, 3, flat);
    DecodedImage decoded = ImageDecoder.decode(ImageFixtures.encode(image, "jpg"), "b.jpg");
    assertEquals(16, decoded.width());
    assertEquals(8, decoded.height());
    assertEquals(3, decoded.channels());
    for (int c = 0; c < 3; c++) {
      int expected = image.value(7, 3, c);
      assertTrue(Math.abs(decoded.value(7, 3, c) - expected) <= 3, "channel " + c);
    }
  }

  @Test
  void bytesThatAreNoImageFailNamingTheKey() {
    CorruptDataException e =
        assertThrows(
            CorruptDataException.class,
            () -> ImageDecoder.decode("not an image".getBytes(), "datasets/x/images/bad.jpg"));
    assertTrue(e.getMessage().contains("datasets/x/images/bad.jpg"), e.getMessage());
  }

  @Test
  void aTruncatedJpegFailsInsteadOfComingBackPartlyGrey() {
    byte[] jpeg = ImageFixtures.encode(ImageFixtures.pattern(64, 48, 3, 0), "jpg");
    byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
    CorruptDataException e =
        assertThrows(CorruptDataException.class, () -> ImageDecoder.decode(truncated, "cut.jpg"));
    assertTrue(e.getMessage().startsWith("cut.jpg: "), e.getMessage());
  }
}
