package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.rll.core.loss.EmbeddingLoss;
import org.rll.core.loss.GradientMode;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.RankedListLossConfig;
import org.rll.core.random.SplitMix64;

/**
 * Random clustered batches ({@link LossFixtures#clusteredBatch}) on which no mining decision of a
 * baseline loss is within {@link LossFixtures#BOUNDARY_GAP} of flipping, so float32 and float64 see
 * the same masks and finite differences never cross a boundary; and the check of a worked example.
 */
final class BaselineFixtures {
  private static final int MAX_ATTEMPTS = 1000;

  private BaselineFixtures() {}

  /**
   * A batch with no distance near m_pos or m_neg and with pairs on both sides of m_neg (and of
   * m_pos where m_pos &gt; 0): the ranked list loss's boundaries alpha - m and alpha placed there.
   */
  static LossFixtures.Batch contrastive(
      long seed, int n, int classes, int dim, ContrastiveLossConfig config) {
    RankedListLossConfig boundaries =
        new RankedListLossConfig(
            config.negativeMargin(),
            config.negativeMargin() - config.positiveMargin(),
            0,
            0,
            0.5,
            GradientMode.FULL_AUTOGRAD);
    return LossFixtures.clusteredBatch(seed, n, classes, dim, boundaries);
  }

  /**
   * A batch in which each anchor's distances to the others are pairwise apart, so every selection
   * is unambiguous, and no triplet's d_ap - d_an + alpha is near 0.
   */
  static LossFixtures.Batch triplet(
      long seed, int n, int classes, int dim, TripletLossConfig config) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      LossFixtures.Batch batch =
          LossFixtures.clusteredBatch(
              SplitMix64.derive(seed, attempt).nextLong(),
              n,
              classes,
              dim,
              RankedListLossConfig.defaults());
      if (isWellConditioned(batch, config)) {
        return batch;
      }
    }
    throw new IllegalStateException("no well-conditioned batch in " + MAX_ATTEMPTS + " draws");
  }

  /**
   * Fails unless the vectorised loss gives {@code value} and {@code counts} on {@code batch}: to
   * 1e-12 in float64, to 1e-6 in float32.
   */
  static void assertVectorisedValue(
      EmbeddingLoss loss, LossFixtures.Batch batch, double value, MinedCounts counts) {
    LossFixtures.Outcome float64 = LossFixtures.run(loss, batch, DataType.FLOAT64);
    assertEquals(value, float64.loss(), 1e-12);
    assertEquals(counts, float64.counts());
    LossFixtures.Outcome float32 = LossFixtures.run(loss, batch, DataType.FLOAT32);
    assertEquals(value, float32.loss(), 1e-6);
    assertEquals(counts, float32.counts());
  }

  private static boolean isWellConditioned(LossFixtures.Batch batch, TripletLossConfig config) {
    long[] labels = batch.labels();
    double[][] d = PairDistances.direct(batch.embeddings(), labels, config.squaredDistance());
    for (int a = 0; a < d.length; a++) {
      for (int j = 0; j < d.length; j++) {
        for (int k = 0; k < d.length; k++) {
          if (j == a || k == a || j == k) {
            continue;
          }
          boolean triplet = labels[j] == labels[a] && labels[k] != labels[a];
          if (Math.abs(d[a][j] - d[a][k]) < LossFixtures.BOUNDARY_GAP
              || triplet
                  && Math.abs(d[a][j] - d[a][k] + config.margin()) < LossFixtures.BOUNDARY_GAP) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
