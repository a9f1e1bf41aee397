package org.rll.core.loss.baseline;

import ai.djl.ndarray.types.DataType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rll.core.loss.GradientCheck;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.LossFixtures.Batch;

/**
 * Autograd gradients in float64 against central finite differences of the naive references. No
 * mining decision is within 1e-5 of flipping, far beyond the step, so the differenced function is
 * smooth around the point: its masks, selections and the counts it averages over stay fixed.
 */
class BaselineLossGradientTest {
  private static final int N = 12;
  private static final int CLASSES = 3;
  private static final int DIM = 6;

  static Stream<Arguments> tripletSettings() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (TripletMining mining : TripletMining.values()) {
      for (boolean squared : new boolean[] {true, false}) {
        cases.add(Arguments.of(mining, squared));
      }
    }
    return cases.build();
  }

  @Test
  void contrastiveMatchesFiniteDifferences() {
    for (ContrastiveLoss loss :
        new ContrastiveLoss[] {
          ContrastiveLoss.builder().build(),
          ContrastiveLoss.builder().optPositiveMargin(0.4).optNegativeMargin(1.2).build()
        }) {
      NaiveContrastiveLoss reference = new NaiveContrastiveLoss(loss.getConfig());
      Batch batch = BaselineFixtures.contrastive(3L, N, CLASSES, DIM, loss.getConfig());
      double[][] numeric =
          GradientCheck.centralDifferences(
              batch.embeddings(), at -> reference.evaluate(at, batch.labels()).loss());
      GradientCheck.assertClose(
          LossFixtures.run(loss, batch, DataType.FLOAT64).gradient(), numeric);
    }
  }

  @ParameterizedTest(name = "{0} squared={1}")
  @MethodSource("tripletSettings")
  void tripletMatchesFiniteDifferences(TripletMining mining, boolean squared) {
    TripletLoss loss = TripletLoss.builder().optMining(mining).optSquaredDistance(squared).build();
    NaiveTripletLoss reference = new NaiveTripletLoss(loss.getConfig());
    Batch batch = BaselineFixtures.triplet(5L, N, CLASSES, DIM, loss.getConfig());
    double[][] numeric =
        GradientCheck.centralDifferences(
            batch.embeddings(), at -> reference.evaluate(at, batch.labels()).loss());
    GradientCheck.assertClose(LossFixtures.run(loss, batch, DataType.FLOAT64).gradient(), numeric);
  }
}
