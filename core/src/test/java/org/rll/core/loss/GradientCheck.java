package org.rll.core.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

/** Central finite differences of a function of N x d embeddings, for gradient checks in float64. */
public final class GradientCheck {
  /** The step of the central differences. */
  public static final double STEP = 1e-6;

  /** The relative error allowed between an analytic gradient and the differences. */
  public static final double TOLERANCE = 1e-8;

  private GradientCheck() {}

  /** d function / d point, each entry by (f(x + h) - f(x - h)) / 2h. */
  public static double[][] centralDifferences(
      double[][] point, ToDoubleFunction<double[][]> function) {
    double[][] gradient = new double[point.length][point[0].length];
    for (int i = 0; i < point.length; i++) {
      for (int k = 0; k < point[i].length; k++) {
        double[][] plus = copy(point);
        double[][] minus = copy(point);
        plus[i][k] += STEP;
        minus[i][k] -= STEP;
        gradient[i][k] =
            (function.applyAsDouble(plus) - function.applyAsDouble(minus)) / (2 * STEP);
      }
    }
    return gradient;
  }

  /** Fails unless {@code actual} is within {@link #TOLERANCE} of {@code expected}, relatively. */
  public static void assertClose(double[][] actual, double[][] expected) {
    double error = LossFixtures.relativeError(actual, expected);
    assertTrue(error <= TOLERANCE, "gradient relative error " + error + " > " + TOLERANCE);
  }

  private static double[][] copy(double[][] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }
}
