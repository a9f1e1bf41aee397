package org.rll.core.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.extract.Gallery;
import org.rll.core.extract.StoredEmbeddings;
import org.rll.core.model.Backbone;
import org.rll.core.model.EmbeddingModel;
import org.rll.core.model.ModelConfig;
import org.rll.core.storage.FileSystemBlobStore;

class ModelEmbedderTest {
  private static final int IMAGES = 10;
  private static final int BATCH = 4;
  private static final int SIDE = 28;
  private static final List<String> OUTPUTS = List.of("L", "M", "H", "L,M,H");

  @TempDir Path dir;

  @Test
  void outputsEachHeadAndTheirConcatenationWhenThereAreSeveral() {
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel three =
          new ModelConfig(Backbone.SMALL_CONV, List.of("L", "M", "H"), 8).build(manager, 2);
      try (ModelEmbedder embedder = new ModelEmbedder(three, manager)) {
        assertEquals(OUTPUTS, embedder.outputNames());
      }
      try (ModelEmbedder embedder =
          new ModelEmbedder(ModelConfig.demo().build(manager, 2), manager)) {
        assertEquals(List.of("H"), embedder.outputNames());
      }
    }
  }

  @Test
  void shardsHoldTheRowsOfADirectForwardInInferenceMode() {
    FileSystemBlobStore store = new FileSystemBlobStore(dir);
    Gallery gallery = Gallery.write(store, SIDE, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4);
    try (NDManager manager = NDManager.newBaseManager()) {
      EmbeddingModel model =
          new ModelConfig(Backbone.SMALL_CONV, List.of("L", "M", "H"), 8).build(manager, 2);
      try (ModelEmbedder embedder = new ModelEmbedder(model, manager)) {
        gallery.extractor(store, embedder).optBatchSize(BATCH).optShardSize(8).build().extract();
      }
      StoredEmbeddings stored = StoredEmbeddings.open(store, "runs/r1/");
      float[][] direct = directForward(model, manager);
      for (int o = 0; o < OUTPUTS.size(); o++) {
        assertArrayEquals(direct[o], stored.output(OUTPUTS.get(o)), OUTPUTS.get(o));
      }
      float[] concatenated = stored.output("L,M,H");
      for (int i = 0; i < IMAGES; i++) {
        for (int h = 0; h < 3; h++) {
          float[] head = Arrays.copyOfRange(concatenated, 24 * i + 8 * h, 24 * i + 8 * h + 8);
          assertArrayEquals(Arrays.copyOfRange(direct[h], 8 * i, 8 * i + 8), head);
          double norm = 0;
          for (float v : head) {
            norm += v * v;
          }
          assertEquals(1.0, Math.sqrt(norm), 1e-5);
        }
      }
    }
  }

  /** The model's heads for the gallery, batch by batch as the extractor runs it, concat last. */
  private static float[][] directForward(EmbeddingModel model, NDManager manager) {
    float[][] rows = new float[4][IMAGES * 8];
    rows[3] = new float[IMAGES * 24];
    ParameterStore parameters = new ParameterStore(manager, false);
    for (int start = 0; start < IMAGES; start += BATCH) {
      int n = Math.min(BATCH, IMAGES - start);
      float[] values = new float[n * SIDE * SIDE];
      for (int j = 0; j < n; j++) {
        for (int p = 0; p < SIDE * SIDE; p++) {
          values[j * SIDE * SIDE + p] = Gallery.pixel(start + j, p);
        }
      }
      try (NDManager batch = manager.newSubManager()) {
        NDList heads =
            model.forward(
                parameters, new NDList(batch.create(values, new Shape(n, 1, SIDE, SIDE))), false);
        for (int h = 0; h < 3; h++) {
          float[] head = heads.get(h).toFloatArray();
          System.arraycopy(head, 0, rows[h], start * 8, head.length);
          for (int j = 0; j < n; j++) {
            System.arraycopy(head, 8 * j, rows[3], 24 * (start + j) + 8 * h, 8);
          }
        }
      }
    }
    return rows;
  }

  @Test
  void refusesValuesThatDoNotFillTheShape() {
    try (NDManager manager = NDManager.newBaseManager();
        ModelEmbedder embedder = new ModelEmbedder(ModelConfig.demo().build(manager, 2), manager)) {
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> embedder.embed(new float[10], new long[] {1, 1, SIDE, SIDE}));
      assertEquals("input shape [1, 1, 28, 28] holds 784 values, got 10", e.getMessage());
    }
  }
}
