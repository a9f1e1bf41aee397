package org.rll.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.ExportCheckException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.model.ParameterNames;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

/** The demo's small net, and the three-head variant, through export, check and ONNX Runtime. */
class OnnxExporterTest {
  private static final ModelConfig THREE_HEADS =
      new ModelConfig(ModelConfig.demo().backbone(), List.of("L", "M", "H"), 16);
  private static final long[] BATCH = {2, 1, 28, 28};

  @TempDir Path dir;

  @Test
  void demoNetPassesTheCheckAndWritesTheCheckedBytes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = ModelConfig.demo();
      EmbeddingModel model = ExportFixtures.model(manager, config, 28, 1);
      float[] images = ExportFixtures.images(new SplittableRandom(2), BATCH);

      OnnxExport export =
          OnnxExporter.export(model, ExportFixtures.spec(config, 28).build(), images, BATCH);

      ParityReport parity = export.parity();
      System.out.printf("small-conv demo parity: %s%n", parity.maxAbsDiff());
      assertEquals(List.of("embedding_H"), List.copyOf(parity.maxAbsDiff().keySet()));
      assertEquals(2, parity.batchSize());
      assertTrue(parity.passed());
      assertTrue(parity.worst() <= 1e-5, "max abs diff " + parity.worst());

      BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
      export.writeTo(store, "runs/run-7/model.onnx");
      assertArrayEquals(export.bytes(), store.readAllBytes("runs/run-7/model.onnx"));
      try (OnnxEmbedder onnx = OnnxEmbedder.open(store.readAllBytes("runs/run-7/model.onnx"))) {
        assertEquals(List.of("H"), onnx.outputNames());
        assertEquals(128 * 2, onnx.embed(images, BATCH)[0].length);
      }
    }
  }

  @Test
  void threeHeadsGiveEachHeadAndTheirConcatenation() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = ExportFixtures.model(manager, THREE_HEADS, 28, 3);
      float[] images = ExportFixtures.images(new SplittableRandom(4), BATCH);

      OnnxExport export =
          OnnxExporter.export(model, ExportFixtures.spec(THREE_HEADS, 28).build(), images, BATCH);

      System.out.printf("small-conv L,M,H parity: %s%n", export.parity().maxAbsDiff());
      assertEquals(
          List.of("embedding_L", "embedding_M", "embedding_H", "embedding_L_M_H"),
          List.copyOf(export.parity().maxAbsDiff().keySet()));
      assertTrue(export.parity().worst() <= 1e-5, "max abs diff " + export.parity().worst());
      try (OnnxEmbedder onnx = OnnxEmbedder.open(export.bytes())) {
        assertEquals(List.of("L", "M", "H", "L,M,H"), onnx.outputNames());
        float[][] out = onnx.embed(images, BATCH);
        // Row 1 of the concatenation is row 1 of L, M and H side by side.
        for (int head = 0; head < 3; head++) {
          for (int j = 0; j < 16; j++) {
            assertEquals(out[head][16 + j], out[3][48 + head * 16 + j]);
          }
        }
        double norm = 0;
        for (int j = 0; j < 16; j++) {
          norm += out[1][j] * out[1][j];
        }
        assertEquals(1, norm, 1e-6);
      }
    }
  }

  @Test
  void oneFileServesBatchesOfOneAndThree() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model = ExportFixtures.model(manager, THREE_HEADS, 28, 5);
      SplittableRandom random = new SplittableRandom(6);
      OnnxExport export =
          OnnxExporter.export(
              model,
              ExportFixtures.spec(THREE_HEADS, 28).build(),
              ExportFixtures.images(random, BATCH),
              BATCH);
      long[] three = {3, 1, 28, 28};
      float[] images = ExportFixtures.images(random, three);
      float[] first = java.util.Arrays.copyOf(images, 28 * 28);
      long[] one = {1, 1, 28, 28};
      List<String> outputs = ModelTranslator.outputs(THREE_HEADS.heads());
      try (OnnxEmbedder onnx = OnnxEmbedder.open(export.bytes())) {
        ParityReport ofThree = ParityCheck.compare(model, onnx, outputs, images, three, 1e-4);
        ParityReport ofOne = ParityCheck.compare(model, onnx, outputs, first, one, 1e-4);
        assertTrue(ofThree.passed(), ofThree.toString());
        assertTrue(ofOne.passed(), ofOne.toString());
        float[][] batched = onnx.embed(images, three);
        float[][] alone = onnx.embed(first, one);
        for (int o = 0; o < alone.length; o++) {
          assertEquals(batched[o].length, 3 * alone[o].length);
          assertArrayEquals(alone[o], java.util.Arrays.copyOf(batched[o], alone[o].length), 1e-6f);
        }
      }
    }
  }

  @Test
  void aTolerateNothingCheckFailsNamingTheOutputAndWritesNothing() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = ModelConfig.demo();
      EmbeddingModel model = ExportFixtures.model(manager, config, 28, 7);
      float[] images = ExportFixtures.images(new SplittableRandom(8), BATCH);
      ExportSpec strict = ExportFixtures.spec(config, 28).optTolerance(1e-30).build();
      BlobStore store = new FileSystemBlobStore(dir.resolve("store"));
      Path file = dir.resolve("model.onnx");

      ExportCheckException failure =
          assertThrows(
              ExportCheckException.class,
              () -> OnnxExporter.export(model, strict, images, BATCH).writeTo(store, "m.onnx"));
      assertThrows(
          ExportCheckException.class,
          () -> OnnxExporter.export(model, strict, images, BATCH).writeTo(file));

      assertTrue(failure.getMessage().contains("embedding_H"), failure.getMessage());
      assertTrue(failure.getMessage().contains("tolerance is 1.00e-30"), failure.getMessage());
      assertFalse(store.exists("m.onnx"));
      assertFalse(Files.exists(file));
    }
  }

  @Test
  void weightsChangedAfterExportFailTheCheck() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = ModelConfig.demo();
      EmbeddingModel model = ExportFixtures.model(manager, config, 28, 9);
      float[] images = ExportFixtures.images(new SplittableRandom(10), BATCH);
      byte[] exported =
          OnnxExporter.export(model, ExportFixtures.spec(config, 28).build(), images, BATCH)
              .bytes();
      Parameter runningVar = ParameterNames.of(model).get("bn3.running_var");
      runningVar.getArray().set(runningVar.getArray().mul(4).toFloatArray());

      try (OnnxEmbedder onnx = OnnxEmbedder.open(exported)) {
        ParityReport report =
            ParityCheck.compare(
                model, onnx, List.of("embedding_H"), images, BATCH, ExportSpec.DEFAULT_TOLERANCE);
        assertFalse(report.passed());
        assertTrue(report.worst() > 1e-2, "max abs diff " + report.worst());
        ExportCheckException failure =
            assertThrows(ExportCheckException.class, report::requirePassed);
        assertTrue(failure.getMessage().startsWith("ONNX output embedding_H differs"));
      }
    }
  }

  @Test
  void writesAFileAtomicallyThatOnnxRuntimeOpens() throws java.io.IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = ModelConfig.demo();
      EmbeddingModel model = ExportFixtures.model(manager, config, 28, 11);
      float[] images = ExportFixtures.images(new SplittableRandom(12), BATCH);
      OnnxExport export =
          OnnxExporter.export(model, ExportFixtures.spec(config, 28).build(), images, BATCH);
      Path file = dir.resolve("out/model.onnx");

      export.writeTo(file);

      try (OnnxEmbedder fromFile = OnnxEmbedder.open(file);
          OnnxEmbedder fromBytes = OnnxEmbedder.open(export.bytes())) {
        assertArrayEquals(fromBytes.embed(images, BATCH)[0], fromFile.embed(images, BATCH)[0]);
      }
      try (var listing = Files.list(file.getParent())) {
        assertEquals(List.of(file), listing.toList());
      }
    }
  }

  @Test
  void aBatchOrModelThatDoesNotFitTheSpecIsRefused() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelConfig config = ModelConfig.demo();
      EmbeddingModel model = config.build(manager, 1);
      ExportSpec spec = ExportFixtures.spec(config, 28).build();
      long[] wrongSide = {2, 1, 32, 32};
      ValidationException wrongBatch =
          assertThrows(
              ValidationException.class,
              () -> OnnxExporter.export(model, spec, new float[2 * 32 * 32], wrongSide));
      assertEquals(
          "the check batch must have shape (N >= 1, 1, 28, 28), got [2, 1, 32, 32]",
          wrongBatch.getMessage());
      ValidationException wrongModel =
          assertThrows(
              ValidationException.class,
              () ->
                  OnnxExporter.export(
                      model,
                      ExportFixtures.spec(THREE_HEADS, 28).build(),
                      new float[2 * 28 * 28],
                      BATCH));
      assertEquals(
          "the model has heads [H] of 128 units, the spec says model(small-conv, heads=[L, M, H],"
              + " dim=16)",
          wrongModel.getMessage());
    }
  }
}
