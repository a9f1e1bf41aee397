package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.rll.core.loss.GradientMode;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.RankedListLossConfig;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.optim.Sgd;
import org.rll.core.random.SplitMix64;

/** A margin loss initialised for one head "H", with its beta readable, settable and checked. */
final class MarginLossHarness implements AutoCloseable {
  static final String BETA = "loss.beta.H";

  private static final int MAX_ATTEMPTS = 1000;

  private final NDManager manager = NDManager.newBaseManager();
  private final MarginLoss loss;
  private final DataType dtype;

  MarginLossHarness(MarginLoss loss, DataType dtype, int dim, long seed, long... classIds) {
    this.loss = loss;
    this.dtype = dtype;
    loss.initialize(
        new LossContext(manager, dtype, List.of("H"), dim, TrainingClasses.of(classIds), seed));
  }

  /**
   * A clustered batch of {@code n} unit vectors in {@code classes} classes (ids 0, 1, ...) on which
   * no margin term is within {@link LossFixtures#BOUNDARY_GAP} of 0 when the anchor of class c has
   * the boundary {@code betas[c]}, and no distance that close to the non-zero-loss cut-off; some
   * negatives lie inside it and some terms of either kind are non-zero.
   */
  static LossFixtures.Batch batch(
      long seed, int n, int classes, int dim, MarginLossConfig config, double[] betas) {
    RankedListLossConfig straddling =
        new RankedListLossConfig(
            config.nonzeroLossCutoff(),
            config.nonzeroLossCutoff() - config.beta0() + config.margin(),
            0,
            0,
            0.5,
            GradientMode.FULL_AUTOGRAD);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long drawSeed = SplitMix64.derive(seed, attempt).nextLong();
      LossFixtures.Batch batch = LossFixtures.clusteredBatch(drawSeed, n, classes, dim, straddling);
      if (isWellConditioned(batch, config, betas)) {
        return batch;
      }
    }
    throw new IllegalStateException("no well-conditioned batch in " + MAX_ATTEMPTS + " draws");
  }

  /** Runs the loss of {@code iteration} on {@code batch} with autograd, beta's gradient cleared. */
  LossFixtures.Outcome run(LossFixtures.Batch batch, long iteration) {
    Sgd.zeroGradients(loss.parameters());
    loss.beginIteration(iteration);
    return LossFixtures.run(loss, batch, dtype);
  }

  MarginLoss loss() {
    return loss;
  }

  double[] beta() {
    return loss.parameters().get(BETA).getArray().toType(DataType.FLOAT64, false).toDoubleArray();
  }

  /** d loss / d beta of the latest {@link #run}. */
  double[] betaGradient() {
    NDArray gradient = loss.parameters().get(BETA).getArray().getGradient();
    return gradient.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  void setBeta(double... values) {
    NDArray array = loss.parameters().get(BETA).getArray();
    try (NDArray source = manager.create(values)) {
      array.set(source.toType(array.getDataType(), false).toByteBuffer());
    }
  }

  private static boolean isWellConditioned(
      LossFixtures.Batch batch, MarginLossConfig config, double[] betas) {
    long[] labels = batch.labels();
    for (int i = 0; i < labels.length; i++) {
      double beta = betas[config.classSpecificBeta() ? (int) labels[i] : 0];
      for (int j = 0; j < labels.length; j++) {
        double d = LossFixtures.distance(batch.embeddings()[i], batch.embeddings()[j]);
        double term = labels[i] == labels[j] ? d - beta : beta - d;
        if (i != j
            && (Math.abs(term + config.margin()) < LossFixtures.BOUNDARY_GAP
                || Math.abs(d - config.nonzeroLossCutoff()) < LossFixtures.BOUNDARY_GAP)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    manager.close();
  }
}
