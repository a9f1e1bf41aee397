package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.rll.core.loss.LossContext;
import org.rll.core.loss.LossFixtures;
import org.rll.core.loss.RankedListLossConfig;
import org.rll.core.loss.TrainingClasses;
import org.rll.core.optim.Sgd;

/** A proxy loss initialised for one head "H", with its proxies readable, settable and checked. */
final class ProxyLossHarness implements AutoCloseable {
  static final String PROXIES = "loss.proxies.H";

  private final NDManager manager = NDManager.newBaseManager();
  private final ProxyLoss loss;
  private final DataType dtype;

  ProxyLossHarness(ProxyLoss loss, DataType dtype, int dim, long seed, long... classIds) {
    this.loss = loss;
    this.dtype = dtype;
    loss.initialize(
        new LossContext(manager, dtype, List.of("H"), dim, TrainingClasses.of(classIds), seed));
  }

  /**
   * A clustered batch of {@code n} embeddings in {@code classes} classes with ids 5, 8, 11, ...
   * (not contiguous), row i scaled by 1 + i/n so that normalisation matters.
   */
  static LossFixtures.Batch batch(long seed, int n, int classes, int dim) {
    LossFixtures.Batch unit =
        LossFixtures.clusteredBatch(seed, n, classes, dim, RankedListLossConfig.defaults());
    double[][] embeddings = new double[n][dim];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = 5 + 3 * unit.labels()[i];
      for (int k = 0; k < dim; k++) {
        embeddings[i][k] = unit.embeddings()[i][k] * (1 + (double) i / n);
      }
    }
    return new LossFixtures.Batch(embeddings, labels);
  }

  /** Runs the loss on {@code batch} with autograd, the proxies' gradient cleared first. */
  LossFixtures.Outcome run(LossFixtures.Batch batch) {
    Sgd.zeroGradients(loss.parameters());
    return LossFixtures.run(loss, batch, dtype);
  }

  double[][] proxies() {
    return rows(loss.parameters().get(PROXIES).getArray());
  }

  /** d loss / d proxies of the latest {@link #run}. */
  double[][] proxyGradient() {
    return rows(loss.parameters().get(PROXIES).getArray().getGradient());
  }

  void setProxies(double[][] values) {
    NDArray array = loss.parameters().get(PROXIES).getArray();
    double[] flat = new double[values.length * values[0].length];
    for (int r = 0; r < values.length; r++) {
      System.arraycopy(values[r], 0, flat, r * values[0].length, values[0].length);
    }
    try (NDArray source = manager.create(flat, new Shape(values.length, values[0].length))) {
      array.set(source.toType(array.getDataType(), false).toByteBuffer());
    }
  }

  private static double[][] rows(NDArray array) {
    int rows = Math.toIntExact(array.getShape().get(0));
    int dim = Math.toIntExact(array.getShape().get(1));
    double[] flat = array.toType(DataType.FLOAT64, false).toDoubleArray();
    double[][] out = new double[rows][dim];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * dim, out[r], 0, dim);
    }
    return out;
  }

  @Override
  public void close() {
    manager.close();
  }
}
