package org.rll.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.embed.Embedder;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.extract.Gallery;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.storage.FileSystemBlobStore;

class EmbeddingEvaluationTest {
  /** Classes 0, 0, 1, 1: output X separates them; output Y is the line 0, 1, 2.5, 10. */
  private static final float[][] X = {{0, 0}, {0, 0.1f}, {10, 0}, {10, 0.1f}};

  private static final float[][] Y = {{0}, {1}, {2.5f}, {10}};

  @TempDir Path dir;
  private FileSystemBlobStore store;

  /** Row i of each output is the table's row i; image i's first pixel is 16 i. */
  private static final class TableEmbedder implements Embedder {
    @Override
    public List<String> outputNames() {
      return List.of("X", "Y");
    }

    @Override
    public float[][] embed(float[] values, long[] shape) {
      int n = (int) shape[0];
      int pixels = values.length / n;
      float[][] out = {new float[2 * n], new float[n]};
      for (int j = 0; j < n; j++) {
        int image = (int) values[j * pixels] / 16;
        System.arraycopy(X[image], 0, out[0], 2 * j, 2);
        out[1][j] = Y[image][0];
      }
      return out;
    }

    @Override
    public void close() {}
  }

  @BeforeEach
  void extract() {
    store = new FileSystemBlobStore(dir);
    Gallery gallery = Gallery.write(store, 2, 0, 0, 1, 1);
    gallery
        .extractor(store, new TableEmbedder())
        .optIdentity("m1")
        .optBatchSize(2)
        .optShardSize(2)
        .build()
        .extract();
  }

  private EvaluationReport evaluate(int... ks) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return new EmbeddingEvaluation(RetrievalConfig.builder().optKs(ks).build(), 7)
          .evaluate(store, "runs/r1/", manager);
    }
  }

  @Test
  void separatedClassesScorePerfectly() {
    EvaluationReport report = evaluate(ProtocolKs.forFormat("cub200"));
    assertEquals("m1", report.identity());
    assertEquals(4, report.imageCount());
    assertEquals(2, report.classCount());
    assertEquals(List.of("X", "Y"), report.heads().stream().map(HeadScores::head).toList());
    HeadScores x = report.head("X");
    assertEquals(2, x.dim());
    assertEquals(Map.of(1, 1.0, 2, 1.0, 4, 1.0, 8, 1.0), x.recallAtK());
    assertEquals(1.0, x.mapAtR());
    assertEquals(1.0, x.nmi());
    assertEquals(4, x.queryCount());
    assertEquals(4, x.mapQueryCount());
  }

  /**
   * On the line 0, 1, 2.5, 10 (classes 0, 0, 1, 1) the third point's nearest are 1 and 0 (class 0),
   * then 10: a hit only from K = 3. The others hit at K = 1. K-means (k = 2) splits {0, 1, 2.5}
   * from {10}.
   */
  @Test
  void aCraftedMissCountsFromItsRank() {
    HeadScores y = evaluate(1, 2, 4, 8).head("Y");
    assertEquals(Map.of(1, 0.75, 2, 0.75, 4, 1.0, 8, 1.0), y.recallAtK());
    assertEquals(0.75, y.mapAtR());
    double mutualInformation =
        0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
    double classEntropy = Math.log(2);
    double clusterEntropy = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    assertEquals(2 * mutualInformation / (classEntropy + clusterEntropy), y.nmi(), 1e-12);
  }

  @Test
  void aKBeyondTheGalleryCountsEveryQueryWithAClassmate() {
    HeadScores y = evaluate(ProtocolKs.forFormat("sop")).head("Y");
    assertEquals(Map.of(1, 0.75, 10, 1.0, 100, 1.0, 1000, 1.0), y.recallAtK());
  }

  @Test
  void aMissingExtractionIsNamed() {
    store.delete("runs/r1/embeddings/index.json");
    assertThrows(BlobNotFoundException.class, () -> evaluate(1));
  }
}
