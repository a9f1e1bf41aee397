package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/** Degenerate batches and the extreme settings of T, Tp, m and lambda. */
class RankedListLossEdgeCaseTest {
  private static final DataType[] DTYPES = {DataType.FLOAT32, DataType.FLOAT64};

  @Test
  void allTrivialPairsGiveZeroLossAndZeroGradient() {
    // Classes 0.1 rad wide (d < 0.8) on opposite sides of the circle (d > 1.2).
    double[][] points = {
      {1, 0}, {Math.cos(0.1), Math.sin(0.1)}, {-1, 0}, {-Math.cos(0.1), -Math.sin(0.1)}
    };
    LossFixtures.Batch batch = new LossFixtures.Batch(points, new long[] {0, 0, 1, 1});
    for (GradientMode mode : GradientMode.values()) {
      for (DataType dtype : DTYPES) {
        LossFixtures.Outcome outcome =
            LossFixtures.run(RankedListLoss.builder().optGradientMode(mode).build(), batch, dtype);
        assertEquals(0.0, outcome.loss());
        assertEquals(new MinedCounts(0, 0), outcome.counts());
        for (double[] row : outcome.gradient()) {
          assertEquals(0.0, Math.abs(row[0]) + Math.abs(row[1]));
        }
      }
    }
  }

  @Test
  void identicalEmbeddingsGiveFiniteGradients() {
    double[] same = {0.6, 0.8, 0};
    LossFixtures.Batch batch =
        new LossFixtures.Batch(new double[][] {same, same, same, same}, new long[] {0, 0, 1, 1});
    for (double margin : new double[] {0.4, 1.2}) {
      for (GradientMode mode : GradientMode.values()) {
        for (DataType dtype : DTYPES) {
          RankedListLoss loss =
              RankedListLoss.builder().optMargin(margin).optGradientMode(mode).build();
          LossFixtures.Outcome outcome = LossFixtures.run(loss, batch, dtype);
          // Every negative sits at d ~ 0 inside alpha: L = (1/N) sum_i 2 * 0.5 * (alpha - 0).
          assertEquals(1.2, outcome.loss(), 1e-3);
          for (double[] row : outcome.gradient()) {
            for (double value : row) {
              assertTrue(Double.isFinite(value), "gradient entry " + value);
            }
          }
        }
      }
    }
  }

  @Test
  void zeroTemperatureWeightsNegativesEqually() {
    RankedListLoss loss = RankedListLoss.builder().optTemperature(0).optBalance(1).build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(3L, 12, 4, 5, loss.getConfig());
    double[][] f = batch.embeddings();
    long[] y = batch.labels();
    // lambda = 1 keeps only L_N: L = (1/N) sum_i 2 * plain mean over N*_i of (alpha - d_ij).
    double expected = 0;
    for (int i = 0; i < f.length; i++) {
      double sum = 0;
      int count = 0;
      for (int j = 0; j < f.length; j++) {
        double d = LossFixtures.distance(f[i], f[j]);
        if (y[i] != y[j] && d < 1.2) {
          sum += 1.2 - d;
          count++;
        }
      }
      expected += count == 0 ? 0 : 2 * sum / count / f.length;
    }
    assertEquals(expected, LossFixtures.run(loss, batch, DataType.FLOAT64).loss(), 1e-12);
  }

  @Test
  void largeTemperaturesDoNotOverflowAndMatchReference() {
    for (double temperature : new double[] {50, 200}) {
      RankedListLoss loss = RankedListLoss.builder().optTemperature(temperature).build();
      LossFixtures.Batch batch =
          LossFixtures.roundedToFloat(
              LossFixtures.clusteredBatch(5L, 30, 10, 16, loss.getConfig()));
      NaiveRankedListLoss.Result expected =
          new NaiveRankedListLoss(loss.getConfig()).evaluate(batch.embeddings(), batch.labels());
      for (DataType dtype : DTYPES) {
        LossFixtures.Outcome actual = LossFixtures.run(loss, batch, dtype);
        assertEquals(expected.loss(), actual.loss(), 1e-5 * expected.loss());
        double error = LossFixtures.relativeError(actual.gradient(), expected.gradient());
        assertTrue(error <= 1e-5, "T=" + temperature + " " + dtype + " gradient error " + error);
      }
    }
  }

  @Test
  void marginEqualToAlphaMinesEveryDistinctPositivePair() {
    RankedListLoss loss = RankedListLoss.builder().optMargin(1.2).build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(17L, 12, 3, 6, loss.getConfig());
    LossFixtures.Outcome actual = LossFixtures.run(loss, batch, DataType.FLOAT64);
    NaiveRankedListLoss.Result expected =
        new NaiveRankedListLoss(loss.getConfig()).evaluate(batch.embeddings(), batch.labels());
    // 3 classes of 4: every query has 3 positives, all at d > 0 = alpha - m.
    assertEquals(12 * 3, actual.counts().positives());
    assertEquals(expected.counts(), actual.counts());
    assertEquals(expected.loss(), actual.loss(), 1e-12);
    assertTrue(LossFixtures.relativeError(actual.gradient(), expected.gradient()) <= 1e-10);
  }

  @Test
  void lossIsLinearInBalanceBetweenItsPositiveAndNegativeParts() {
    RankedListLossConfig paper = RankedListLossConfig.defaults();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(19L, 12, 4, 5, paper);
    double positivesOnly = lossWith(batch, RankedListLoss.builder().optBalance(0));
    double negativesOnly = lossWith(batch, RankedListLoss.builder().optBalance(1));
    assertEquals(2 * plainPositiveMeans(batch, paper) / 12, positivesOnly, 1e-12);
    for (double balance : new double[] {0.25, 0.5}) {
      assertEquals(
          (1 - balance) * positivesOnly + balance * negativesOnly,
          lossWith(batch, RankedListLoss.builder().optBalance(balance)),
          1e-12);
    }
  }

  @Test
  void positiveTemperatureMovesFromPlainMeanTowardsHardestPositive() {
    RankedListLossConfig paper = RankedListLossConfig.defaults();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(23L, 12, 2, 5, paper);
    double plain = lossWith(batch, RankedListLoss.builder().optBalance(0));
    double weighted =
        lossWith(batch, RankedListLoss.builder().optBalance(0).optPositiveTemperature(5));
    double hardest =
        lossWith(batch, RankedListLoss.builder().optBalance(0).optPositiveTemperature(2000));
    assertEquals(2 * plainPositiveMeans(batch, paper) / 12, plain, 1e-12);
    assertTrue(plain < weighted && weighted < hardest, plain + " < " + weighted + " < " + hardest);
    assertEquals(2 * hardestPositives(batch, paper) / 12, hardest, 1e-9);
  }

  private static double lossWith(LossFixtures.Batch batch, RankedListLoss.Builder builder) {
    return LossFixtures.run(builder.build(), batch, DataType.FLOAT64).loss();
  }

  /** Sum over queries of the plain mean of (d - (alpha - m)) over non-trivial positives. */
  private static double plainPositiveMeans(LossFixtures.Batch batch, RankedListLossConfig c) {
    double total = 0;
    for (double[] violations : positiveViolations(batch, c)) {
      double sum = 0;
      for (double v : violations) {
        sum += v;
      }
      total += violations.length == 0 ? 0 : sum / violations.length;
    }
    return total;
  }

  /** Sum over queries of the largest (d - (alpha - m)) over non-trivial positives. */
  private static double hardestPositives(LossFixtures.Batch batch, RankedListLossConfig c) {
    double total = 0;
    for (double[] violations : positiveViolations(batch, c)) {
      double max = 0;
      for (double v : violations) {
        max = Math.max(max, v);
      }
      total += max;
    }
    return total;
  }

  private static double[][] positiveViolations(LossFixtures.Batch batch, RankedListLossConfig c) {
    double[][] f = batch.embeddings();
    double[][] out = new double[f.length][];
    for (int i = 0; i < f.length; i++) {
      int query = i;
      out[i] =
          java.util.stream.IntStream.range(0, f.length)
              .filter(j -> j != query && batch.labels()[j] == batch.labels()[query])
              .mapToDouble(j -> LossFixtures.distance(f[query], f[j]) - c.positiveBoundary())
              .filter(v -> v > 0)
              .toArray();
    }
    return out;
  }
}
