package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.image.Normalization;
import org.rll.core.model.ModelConfig;

class ExportSpecTest {

  private static String failure(ExportSpec.Builder builder) {
    return assertThrows(ValidationException.class, builder::build).getMessage();
  }

  @Test
  void defaultsAndNormalisedHash() {
    ExportSpec spec =
        ExportFixtures.spec(ModelConfig.demo(), 28)
            .setConfigHash("AB".repeat(32))
            .optSoftwareVersion(ExportSpec.currentVersion())
            .build();
    assertEquals(1e-4, spec.tolerance());
    assertEquals("ab".repeat(32), spec.configHash());
    assertEquals("dev", spec.softwareVersion());
  }

  @Test
  void messagesNameTheBadValue() {
    ModelConfig demo = ModelConfig.demo();
    assertEquals(
        "config hash must be 64 lower-case hex digits, got 'abc'",
        failure(ExportFixtures.spec(demo, 28).setConfigHash("abc")));
    assertEquals(
        "checkpoint iteration must be >= 0, got -1",
        failure(ExportFixtures.spec(demo, 28).setCheckpointIteration(-1)));
    assertEquals(
        "export spec needs a run id, got ' '",
        failure(ExportFixtures.spec(demo, 28).setRunId(" ")));
    assertEquals(
        "parity tolerance must be positive and finite, got NaN",
        failure(ExportFixtures.spec(demo, 28).optTolerance(Double.NaN)));
    assertEquals(
        "export spec needs a checkpoint iteration",
        failure(
            ExportSpec.builder()
                .setModel(demo)
                .setTransform(ExportFixtures.transform(demo, 28))
                .setRunId("r")
                .setConfigHash(ExportFixtures.CONFIG_HASH)));
    assertEquals(
        "transform outputs 3 channels but small-conv takes 1",
        failure(
            ExportFixtures.spec(demo, 28)
                .setTransform(ImageTransformConfig.test(Normalization.RESNET50_TORCHVISION))));
    assertThrows(
        ValidationException.class,
        () ->
            ExportFixtures.spec(ModelConfig.paper(), 227)
                .setTransform(ImageTransformConfig.training(Normalization.BN_INCEPTION))
                .build());
  }
}
