package org.rll.core.loss.baseline;

/** Normalisation and its backward pass on Java doubles, for the plain reference losses. */
final class NaiveUnitVectors {
  private NaiveUnitVectors() {}

  /** v / |v|. */
  static double[] unit(double[] v) {
    double norm = Math.sqrt(dot(v, v));
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] / norm;
    }
    return out;
  }

  /** Each row scaled to unit length. */
  static double[][] unitRows(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = unit(rows[i]);
    }
    return out;
  }

  /** d f / d v from d f / d (v/|v|): (g - (g . u) u) / |v| with u = v/|v|. */
  static double[] throughUnit(double[] v, double[] gradientAtUnit) {
    double norm = Math.sqrt(dot(v, v));
    double[] u = unit(v);
    double along = dot(gradientAtUnit, u);
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = (gradientAtUnit[k] - along * u[k]) / norm;
    }
    return out;
  }

  /** {@link #throughUnit} of every row. */
  static double[][] throughUnitRows(double[][] rows, double[][] gradientsAtUnit) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = throughUnit(rows[i], gradientsAtUnit[i]);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      sum += a[k] * b[k];
    }
    return sum;
  }

  /** target += factor * v. */
  static void addScaled(double[] target, double factor, double[] v) {
    for (int k = 0; k < v.length; k++) {
      target[k] += factor * v[k];
    }
  }
}
