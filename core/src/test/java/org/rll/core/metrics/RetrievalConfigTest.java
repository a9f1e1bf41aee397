package org.rll.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class RetrievalConfigTest {

  @Test
  void sortsKsAndKeepsBlockSize() {
    RetrievalConfig config = RetrievalConfig.builder().optKs(100, 1, 10).optBlockSize(7).build();

    assertArrayEquals(new int[] {1, 10, 100}, config.ks());
    assertEquals(7, config.blockSize());
  }

  @Test
  void defaultsToThePaperKsForCubAndCars() {
    assertArrayEquals(new int[] {1, 2, 4, 8}, RetrievalConfig.builder().build().ks());
  }

  @Test
  void rejectsNonPositiveK() {
    assertMessage("k must be positive, got 0", RetrievalConfig.builder().optKs(1, 0));
    assertMessage("k must be positive, got -3", RetrievalConfig.builder().optKs(-3));
  }

  @Test
  void rejectsRepeatedK() {
    assertMessage("ks must be distinct, got 4 twice", RetrievalConfig.builder().optKs(4, 1, 4));
  }

  @Test
  void rejectsEmptyKs() {
    assertMessage("ks must not be empty", RetrievalConfig.builder().optKs());
  }

  @Test
  void rejectsNonPositiveBlockSize() {
    assertMessage("blockSize must be positive, got 0", RetrievalConfig.builder().optBlockSize(0));
  }

  private static void assertMessage(String message, RetrievalConfig.Builder builder) {
    ValidationException error = assertThrows(ValidationException.class, builder::build);
    assertEquals(message, error.getMessage());
  }
}
