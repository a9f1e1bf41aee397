package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

/**
 * Gradients against central finite differences in float64. The loss treats its weights as
 * constants, so where T or Tp is non-zero the differenced function is the reference loss with its
 * mined sets and weights frozen at the evaluation point ({@link NaiveRankedListLoss#queryLoss});
 * with T = Tp = 0 the weights are uniform and the vectorised loss's own value can be differenced.
 * No distance lies within 1e-5 of a boundary, far beyond the step, so no mask flips.
 */
class RankedListLossGradientTest {
  @Test
  void fullAutogradMatchesFiniteDifferencesOfFrozenWeightLoss() {
    RankedListLoss loss =
        RankedListLoss.builder()
            .optPositiveTemperature(2)
            .optBalance(0.4)
            .optGradientMode(GradientMode.FULL_AUTOGRAD)
            .build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(7L, 12, 3, 8, loss.getConfig());
    NaiveRankedListLoss reference = new NaiveRankedListLoss(loss.getConfig());
    double[][] frozen = batch.embeddings();
    int n = frozen.length;

    double[][] numeric =
        GradientCheck.centralDifferences(
            frozen,
            at -> {
              double total = 0;
              for (int i = 0; i < n; i++) {
                total += reference.queryLoss(at, frozen, batch.labels(), i) / n;
              }
              return total;
            });

    GradientCheck.assertClose(LossFixtures.run(loss, batch, DataType.FLOAT64).gradient(), numeric);
  }

  @Test
  void fullAutogradMatchesFiniteDifferencesOfItsOwnValueWithUniformWeights() {
    RankedListLoss loss =
        RankedListLoss.builder()
            .optTemperature(0)
            .optGradientMode(GradientMode.FULL_AUTOGRAD)
            .build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(11L, 12, 4, 8, loss.getConfig());

    double[][] numeric =
        GradientCheck.centralDifferences(
            batch.embeddings(),
            at ->
                LossFixtures.run(loss, new LossFixtures.Batch(at, batch.labels()), DataType.FLOAT64)
                    .loss());

    GradientCheck.assertClose(LossFixtures.run(loss, batch, DataType.FLOAT64).gradient(), numeric);
  }

  @Test
  void constantGalleryGradientIsEachRowsOwnListGradient() {
    RankedListLoss loss = RankedListLoss.builder().optPositiveTemperature(2).build();
    LossFixtures.Batch batch = LossFixtures.clusteredBatch(13L, 12, 3, 8, loss.getConfig());
    NaiveRankedListLoss reference = new NaiveRankedListLoss(loss.getConfig());
    double[][] frozen = batch.embeddings();
    int n = frozen.length;

    // Row i of the expected gradient differences only query i's own term, in f_i only.
    double[][] ownListGradients = new double[n][];
    for (int i = 0; i < n; i++) {
      int query = i;
      double[][] perQuery =
          GradientCheck.centralDifferences(
              frozen, at -> reference.queryLoss(at, frozen, batch.labels(), query) / n);
      ownListGradients[i] = perQuery[i];
    }

    double[][] constantGallery = LossFixtures.run(loss, batch, DataType.FLOAT64).gradient();
    GradientCheck.assertClose(constantGallery, ownListGradients);
    RankedListLoss fullLoss =
        RankedListLoss.builder()
            .optPositiveTemperature(2)
            .optGradientMode(GradientMode.FULL_AUTOGRAD)
            .build();
    double[][] full = LossFixtures.run(fullLoss, batch, DataType.FLOAT64).gradient();
    assertTrue(
        LossFixtures.relativeError(full, constantGallery) > 0.1,
        "the two gradient modes must differ on this batch");
  }
}
