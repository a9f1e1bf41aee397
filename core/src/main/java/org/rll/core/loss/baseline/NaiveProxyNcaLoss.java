package org.rll.core.loss.baseline;

import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.TrainingClasses;

/**
 * {@link ProxyNcaLoss} written plainly in Java doubles, one embedding and one proxy at a time, with
 * its analytic gradient: the reference the vectorised loss is tested against. Distances are taken
 * directly as ||x/|x| - p/|p|||^2 and the softmax is summed without any shift.
 */
public final class NaiveProxyNcaLoss {
  private final ProxyNcaLossConfig config;

  public NaiveProxyNcaLoss(ProxyNcaLossConfig config) {
    this.config = config;
  }

  /**
   * The loss of N embeddings with class ids {@code labels} against C {@code proxies} (row r of
   * class {@code classes.classIds()[r]}), and its gradients.
   */
  public NaiveProxyResult evaluate(
      double[][] embeddings, long[] labels, double[][] proxies, TrainingClasses classes) {
    int n = embeddings.length;
    double s = config.scale();
    double[][] x = NaiveUnitVectors.unitRows(embeddings);
    double[][] p = NaiveUnitVectors.unitRows(proxies);
    double[][] atUnitX = new double[n][embeddings[0].length];
    double[][] atUnitP = new double[proxies.length][proxies[0].length];
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int y = classes.row(labels[i]);
      double[] distances = new double[proxies.length];
      double denominator = 0;
      for (int z = 0; z < proxies.length; z++) {
        distances[z] = squaredDistance(x[i], p[z]);
        denominator += z == y ? 0 : Math.exp(-s * distances[z]);
      }
      loss += (s * distances[y] + Math.log(denominator)) / n;
      for (int z = 0; z < proxies.length; z++) {
        double slope = z == y ? s / n : -s * Math.exp(-s * distances[z]) / denominator / n;
        for (int k = 0; k < x[i].length; k++) {
          double pull = 2 * slope * (x[i][k] - p[z][k]);
          atUnitX[i][k] += pull;
          atUnitP[z][k] -= pull;
        }
      }
    }
    return new NaiveProxyResult(
        loss,
        NaiveUnitVectors.throughUnitRows(embeddings, atUnitX),
        NaiveUnitVectors.throughUnitRows(proxies, atUnitP),
        new MinedCounts(n, (long) n * (proxies.length - 1)));
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return sum;
  }
}
