package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.TrainingClasses;

/**
 * Both proxy losses on one 2-D example worked by hand. Training classes 10, 20, 30 own the proxies
 * p10 = (1, 0), p20 = (0, 1), p30 = (-1, 0); the batch is x1 = (1, 0) of class 10 and x2 = (0, 3)
 * of class 20 (unit length (0, 1) once normalised).
 *
 * <pre>
 * cosines:  x1: (1, 0, -1)   x2: (0, 1, 0)
 * squared distances 2 - 2 cos:  x1: (0, 2, 4)   x2: (2, 0, 2)
 *
 * Proxy-NCA (s = 1):
 *   x1: 0 + log(e^-2 + e^-4) = -2 + log(1 + e^-2) = -1.8730719889570273
 *   x2: 0 + log(e^-2 + e^-2) = -2 + log 2         = -1.3068528194400546
 *   mean: -1.589962404198541
 *
 * Proxy-Anchor (alpha 32, delta 0.1), P+ = {p10, p20}:
 *   positives: p10 and p20 each hold one embedding at cos 1: log(1 + e^(-32 * 0.9)) = log(1 + e^-28.8)
 *     mean over P+: log(1 + e^-28.8) = 3.1064040229007053e-13
 *   negatives: p10 has x2 at cos 0: log(1 + e^3.2); p20 has x1 at cos 0: log(1 + e^3.2);
 *     p30 has x1 at cos -1 and x2 at cos 0: log(1 + e^-28.8 + e^3.2)
 *     mean over P: 3.2399533331624344
 *   loss: 3.239953333162745
 * counts: 2 positive pairs, 2 x 2 = 4 negative pairs
 * </pre>
 */
class ProxyLossHandExampleTest {
  private static final double[][] PROXIES = {{1, 0}, {0, 1}, {-1, 0}};
  private static final LossFixtures.Batch BATCH =
      new LossFixtures.Batch(new double[][] {{1, 0}, {0, 3}}, new long[] {10, 20});
  private static final MinedCounts COUNTS = new MinedCounts(2, 4);

  @Test
  void proxyNcaEqualsHandValue() {
    assertHandValue(ProxyNcaLoss.builder().build(), -1.589962404198541);
  }

  @Test
  void proxyAnchorEqualsHandValue() {
    assertHandValue(ProxyAnchorLoss.builder().build(), 3.239953333162745);
  }

  @Test
  void referencesEqualHandValues() {
    TrainingClasses classes = TrainingClasses.of(30L, 10L, 20L);
    NaiveProxyResult nca =
        new NaiveProxyNcaLoss(ProxyNcaLossConfig.defaults())
            .evaluate(BATCH.embeddings(), BATCH.labels(), PROXIES, classes);
    NaiveProxyResult anchor =
        new NaiveProxyAnchorLoss(ProxyAnchorLossConfig.defaults())
            .evaluate(BATCH.embeddings(), BATCH.labels(), PROXIES, classes);
    assertEquals(-1.589962404198541, nca.loss(), 1e-15);
    assertEquals(3.239953333162745, anchor.loss(), 1e-15);
    assertEquals(COUNTS, nca.counts());
    assertEquals(COUNTS, anchor.counts());
  }

  /**
   * Proxy-NCA's gradient at x1 by hand: x1 sits on p10, so only the denominator acts; with softmax
   * weights w20 = 1 / (1 + e^-2), w30 = e^-2 / (1 + e^-2) over the other proxies, d loss / d x1^ =
   * (1/N) sum_z -w_z 2 (x1^ - p_z) = -(w20 (1, -1) + w30 (2, 0)) with N = 2; the normalisation
   * removes the radial part (the first coordinate) and divides by |x1| = 1, leaving (0, w20) = (0,
   * 0.8807970779778823).
   */
  @Test
  void proxyNcaGradientOfOneRowEqualsHandValue() {
    try (ProxyLossHarness harness =
        new ProxyLossHarness(ProxyNcaLoss.builder().build(), DataType.FLOAT64, 2, 0, 10, 20, 30)) {
      harness.setProxies(PROXIES);
      double[] row = harness.run(BATCH).gradient()[0];
      assertEquals(0, row[0], 1e-15);
      assertEquals(0.8807970779778823, row[1], 1e-15);
    }
  }

  private static void assertHandValue(ProxyLoss loss, double expected) {
    for (DataType dtype : new DataType[] {DataType.FLOAT64, DataType.FLOAT32}) {
      try (ProxyLossHarness harness = new ProxyLossHarness(loss, dtype, 2, 0, 10, 20, 30)) {
        harness.setProxies(PROXIES);
        LossFixtures.Outcome outcome = harness.run(BATCH);
        assertEquals(expected, outcome.loss(), dtype == DataType.FLOAT64 ? 1e-14 : 1e-6);
        assertEquals(COUNTS, outcome.counts());
      }
      loss = rebuilt(loss);
    }
  }

  private static ProxyLoss rebuilt(ProxyLoss loss) {
    return loss instanceof ProxyNcaLoss
        ? ProxyNcaLoss.builder().build()
        : ProxyAnchorLoss.builder().build();
  }
}
