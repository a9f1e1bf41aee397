package org.rll.core.loss.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rll.core.loss.GradientCheck;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.TrainingClasses;

/**
 * Both proxy losses against their plain references, in float64 and float32: value, gradients with
 * respect to embeddings and proxies, counts; and the references' gradients against central
 * differences. The training classes hold one class (17) absent from the batch.
 */
class ProxyLossAgreementTest {
  private static final long[] CLASSES = {5, 8, 11, 14, 17};
  private static final TrainingClasses TRAINING = TrainingClasses.of(CLASSES);
  private static final int N = 12;
  private static final int DIM = 6;

  /** The plain reference of one loss, as a function of embeddings and proxies. */
  private interface Reference {
    NaiveProxyResult evaluate(double[][] embeddings, long[] labels, double[][] proxies);
  }

  @Test
  void proxyNcaAgreesWithItsReference() {
    NaiveProxyNcaLoss naive = new NaiveProxyNcaLoss(ProxyNcaLossConfig.defaults());
    assertAgreement(
        () -> ProxyNcaLoss.builder().build(), (x, y, p) -> naive.evaluate(x, y, p, TRAINING));
  }

  @Test
  void scaledProxyNcaAgreesWithItsReference() {
    NaiveProxyNcaLoss naive = new NaiveProxyNcaLoss(new ProxyNcaLossConfig(3));
    assertAgreement(
        () -> ProxyNcaLoss.builder().optScale(3).build(),
        (x, y, p) -> naive.evaluate(x, y, p, TRAINING));
  }

  @Test
  void proxyAnchorAgreesWithItsReference() {
    NaiveProxyAnchorLoss naive = new NaiveProxyAnchorLoss(ProxyAnchorLossConfig.defaults());
    assertAgreement(
        () -> ProxyAnchorLoss.builder().build(), (x, y, p) -> naive.evaluate(x, y, p, TRAINING));
  }

  @Test
  void referenceGradientsEqualCentralDifferences() {
    LossFixtures.Batch batch = ProxyLossHarness.batch(1, N, 4, DIM);
    double[][] proxies =
        java.util.Arrays.copyOf(ProxyLossHarness.batch(2, N, 4, DIM).embeddings(), CLASSES.length);
    NaiveProxyAnchorLoss anchor = new NaiveProxyAnchorLoss(new ProxyAnchorLossConfig(4, 0.1));
    NaiveProxyNcaLoss nca = new NaiveProxyNcaLoss(new ProxyNcaLossConfig(2));
    for (Reference reference :
        new Reference[] {
          (x, y, p) -> anchor.evaluate(x, y, p, TRAINING),
          (x, y, p) -> nca.evaluate(x, y, p, TRAINING)
        }) {
      NaiveProxyResult result = reference.evaluate(batch.embeddings(), batch.labels(), proxies);
      GradientCheck.assertClose(
          result.embeddingGradient(),
          GradientCheck.centralDifferences(
              batch.embeddings(), x -> reference.evaluate(x, batch.labels(), proxies).loss()));
      GradientCheck.assertClose(
          result.proxyGradient(),
          GradientCheck.centralDifferences(
              proxies, p -> reference.evaluate(batch.embeddings(), batch.labels(), p).loss()));
    }
  }

  private static void assertAgreement(Supplier<ProxyLoss> loss, Reference reference) {
    LossFixtures.Batch batch = ProxyLossHarness.batch(1, N, 4, DIM);
    assertAgreement(loss.get(), reference, batch, DataType.FLOAT64, 1e-12);
    assertAgreement(
        loss.get(), reference, LossFixtures.roundedToFloat(batch), DataType.FLOAT32, 2e-5);
  }

  private static void assertAgreement(
      ProxyLoss loss,
      Reference reference,
      LossFixtures.Batch batch,
      DataType dtype,
      double tolerance) {
    try (ProxyLossHarness harness = new ProxyLossHarness(loss, dtype, DIM, 9, CLASSES)) {
      LossFixtures.Outcome outcome = harness.run(batch);
      NaiveProxyResult expected =
          reference.evaluate(batch.embeddings(), batch.labels(), harness.proxies());
      assertEquals(expected.loss(), outcome.loss(), tolerance * Math.abs(expected.loss()));
      assertEquals(expected.counts(), outcome.counts());
      double embeddingError =
          LossFixtures.relativeError(outcome.gradient(), expected.embeddingGradient());
      double proxyError =
          LossFixtures.relativeError(harness.proxyGradient(), expected.proxyGradient());
      assertTrue(embeddingError < tolerance, dtype + " embedding gradient error " + embeddingError);
      assertTrue(proxyError < tolerance, dtype + " proxy gradient error " + proxyError);
    }
  }
}
