package org.rll.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class ProtocolKsTest {

  @Test
  void eachDatasetGetsItsPublishedKs() {
    assertArrayEquals(new int[] {1, 2, 4, 8}, ProtocolKs.forFormat("cub200"));
    assertArrayEquals(new int[] {1, 2, 4, 8}, ProtocolKs.forFormat("cars196"));
    assertArrayEquals(new int[] {1, 10, 100, 1000}, ProtocolKs.forFormat("sop"));
    for (String other : new String[] {"fashion-mnist", "mnist", "image-folder", "csv"}) {
      assertArrayEquals(new int[] {1, 2, 4, 8}, ProtocolKs.forFormat(other), other);
    }
  }

  @Test
  void returnsACopy() {
    ProtocolKs.forFormat("sop")[0] = 99;
    assertArrayEquals(new int[] {1, 10, 100, 1000}, ProtocolKs.forFormat("sop"));
  }

  @Test
  void refusesAnUnknownFormat() {
    assertThrows(ValidationException.class, () -> ProtocolKs.forFormat("imagenet"));
  }
}
