package org.rll.core.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class BatchSamplerConfigTest {

  @Test
  void defaultsAreThePapersSixtyClassesOfThreeImages() {
    BatchSamplerConfig config = BatchSamplerConfig.builder().setSeed(5).setIterations(10).build();
    assertEquals(60, config.classesPerBatch());
    assertEquals(3, config.imagesPerClass());
    assertEquals(180, config.batchSize());
    assertEquals(5, config.seed());
    assertEquals(10, config.iterations());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    assertMessage(
        "C (classes per batch) must be >= 2, got 1",
        BatchSamplerConfig.builder().setSeed(1).setIterations(1).optClassesPerBatch(1));
    assertMessage(
        "K (images per class) must be >= 1, got 0",
        BatchSamplerConfig.builder().setSeed(1).setIterations(1).optImagesPerClass(0));
    assertMessage(
        "iterations must be >= 0, got -3",
        BatchSamplerConfig.builder().setSeed(1).setIterations(-3));
    assertMessage(
        "batch size C x K = 65536 x 65536 does not fit in an int",
        BatchSamplerConfig.builder()
            .setSeed(1)
            .setIterations(1)
            .optClassesPerBatch(65536)
            .optImagesPerClass(65536));
  }

  @Test
  void requiresSeedAndIterations() {
    assertMessage("seed must be set", BatchSamplerConfig.builder().setIterations(1));
    assertMessage("iterations must be set", BatchSamplerConfig.builder().setSeed(1));
  }

  private static void assertMessage(String expected, BatchSamplerConfig.Builder builder) {
    assertEquals(expected, assertThrows(ValidationException.class, builder::build).getMessage());
  }
}
