package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.TrainingClasses;

/**
 * {@link ProxyAnchorLoss} written plainly in Java doubles, one proxy at a time, with its analytic
 * gradient: the reference the vectorised loss is tested against.
 */
public final class NaiveProxyAnchorLoss {
  private final ProxyAnchorLossConfig config;

  public NaiveProxyAnchorLoss(ProxyAnchorLossConfig config) {
    this.config = config;
  }

  /**
   * The loss of N embeddings with class ids {@code labels} against C {@code proxies} (row r of
   * class {@code classes.classIds()[r]}), and its gradients.
   */
  public NaiveProxyResult evaluate(
      double[][] embeddings, long[] labels, double[][] proxies, TrainingClasses classes) {
    int n = embeddings.length;
    int c = proxies.length;
    double alpha = config.alpha();
    double[][] x = NaiveUnitVectors.unitRows(embeddings);
    double[][] p = NaiveUnitVectors.unitRows(proxies);
    int[] rows = classes.rows(labels);
    int present = 0;
    for (int z = 0; z < c; z++) {
      for (int row : rows) {
        if (row == z) {
          present++;
          break;
        }
      }
    }
    double[][] atUnitX = new double[n][embeddings[0].length];
    double[][] atUnitP = new double[c][proxies[0].length];
    double loss = 0;
    for (int z = 0; z < c; z++) {
      double[] terms = new double[n];
      double positiveSum = 0;
      double negativeSum = 0;
      for (int i = 0; i < n; i++) {
        double cosine = NaiveUnitVectors.dot(x[i], p[z]);
        if (rows[i] == z) {
          terms[i] = Math.exp(-alpha * (cosine - config.delta()));
          positiveSum += terms[i];
        } else {
          terms[i] = Math.exp(alpha * (cosine + config.delta()));
          negativeSum += terms[i];
        }
      }
      loss += (positiveSum > 0 ? Math.log(1 + positiveSum) / present : 0);
      loss += Math.log(1 + negativeSum) / c;
      for (int i = 0; i < n; i++) {
        double slope =
            rows[i] == z
                ? -alpha * terms[i] / (1 + positiveSum) / present
                : alpha * terms[i] / (1 + negativeSum) / c;
        NaiveUnitVectors.addScaled(atUnitX[i], slope, p[z]);
        NaiveUnitVectors.addScaled(atUnitP[z], slope, x[i]);
      }
    }
    return new NaiveProxyResult(
        loss,
        NaiveUnitVectors.throughUnitRows(embeddings, atUnitX),
        NaiveUnitVectors.throughUnitRows(proxies, atUnitP),
        new MinedCounts(n, (long) n * (c - 1)));
  }
}
