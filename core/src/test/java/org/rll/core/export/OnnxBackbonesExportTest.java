package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rll.core.model.Backbone;
import org.rll.core.model.ModelConfig;

/**
 * ResNet-50 and BN-Inception, random weights and non-trivial BatchNorm state, through export and
 * check at the smallest input each keeps valid (batch 2), every head plus the concatenation.
 */
class OnnxBackbonesExportTest {

  private static ParityReport exportAndCheck(Backbone backbone, int side, long seed) {
    ModelConfig config = new ModelConfig(backbone, List.of("L", "M", "H"), 16);
    long[] batch = {2, backbone.channels(), side, side};
    try (NDManager manager = NDManager.newBaseManager()) {
      long start = System.nanoTime();
      OnnxExport export =
          OnnxExporter.export(
              ExportFixtures.model(manager, config, side, seed),
              ExportFixtures.spec(config, side).build(),
              ExportFixtures.images(new SplittableRandom(seed + 1), batch),
              batch);
      System.out.printf(
          "%s %dx%d: %,d bytes, parity %s, %.1f s%n",
          backbone.cliName(),
          side,
          side,
          export.bytes().length,
          export.parity().maxAbsDiff(),
          (System.nanoTime() - start) / 1e9);
      return export.parity();
    }
  }

  @Test
  void resNet50MatchesDjl() {
    // 32 x 32 leaves layer4 a 1 x 1 map.
    ParityReport parity = exportAndCheck(Backbone.RESNET50, 32, 31);
    assertEquals(
        List.of("embedding_L", "embedding_M", "embedding_H", "embedding_L_M_H"),
        List.copyOf(parity.maxAbsDiff().keySet()));
    assertTrue(parity.worst() <= 1e-4, "max abs diff " + parity.worst());
  }

  @Test
  void bnInceptionMatchesDjl() {
    // 64 x 64 leaves L a 4 x 4 map, M and H 2 x 2, with ceil-mode rounding in several poolings.
    ParityReport parity = exportAndCheck(Backbone.BN_INCEPTION, 64, 41);
    assertEquals(4, parity.maxAbsDiff().size());
    assertTrue(parity.worst() <= 1e-4, "max abs diff " + parity.worst());
  }
}
