package org.rll.core.loss.baseline;

import java.util.List;
import org.rll.core.loss.MinedCounts;
import org.rll.core.loss.TrainingClasses;

/**
 * {@link MarginLoss} written plainly in Java doubles, one triplet at a time, with its analytic
 * gradient: the reference the vectorised loss is tested against. Distances are taken directly as
 * ||f_i - f_j|| and the negatives drawn by the same {@link DistanceWeightedSampling} from the same
 * (seed, iteration, head), so both losses see the same triplets. The gradient treats the draws as
 * fixed, as the vectorised loss does.
 */
public final class NaiveMarginLoss {
  private final MarginLossConfig config;
  private final TrainingClasses classes;
  private final long seed;

  /** A reference for these settings, the classes that index beta, and the run's seed. */
  public NaiveMarginLoss(MarginLossConfig config, TrainingClasses classes, long seed) {
    this.config = config;
    this.classes = classes;
    this.seed = seed;
  }

  /**
   * What the reference computes for one head.
   *
   * @param loss the head's loss
   * @param embeddingGradient N x d, d loss / d embeddings
   * @param betaGradient d loss / d beta, one entry per entry of beta
   * @param counts the non-zero positive and negative terms
   */
  public record Result(
      double loss, double[][] embeddingGradient, double[] betaGradient, MinedCounts counts) {}

  /**
   * The loss of head {@code head} in {@code iteration} on N embeddings with class ids {@code
   * labels}, beta holding one entry per training class or a single one.
   */
  public Result evaluate(
      double[][] embeddings, long[] labels, double[] beta, long iteration, int head) {
    double[][] distances = PairDistances.direct(embeddings, labels, false);
    int dim = embeddings[0].length;
    return evaluate(
        embeddings,
        labels,
        beta,
        DistanceWeightedSampling.sample(distances, labels, dim, config, seed, iteration, head));
  }

  /** The loss of the given triplets, drawn beforehand. */
  Result evaluate(
      double[][] embeddings,
      long[] labels,
      double[] beta,
      List<DistanceWeightedSampling.Triplet> triplets) {
    double[][] distances = PairDistances.direct(embeddings, labels, false);
    int[] rows = config.classSpecificBeta() ? classes.rows(labels) : new int[labels.length];
    double[][] embeddingGradient = new double[embeddings.length][embeddings[0].length];
    double[] betaGradient = new double[beta.length];
    double sum = 0;
    long positives = 0;
    long negatives = 0;
    for (DistanceWeightedSampling.Triplet t : triplets) {
      int a = t.anchor();
      int r = rows[a];
      double positiveTerm = config.margin() + distances[a][t.positive()] - beta[r];
      if (positiveTerm > 0) {
        sum += positiveTerm;
        positives++;
        pull(embeddings, embeddingGradient, a, t.positive(), distances, 1);
        betaGradient[r] -= 1;
      }
      double negativeTerm = config.margin() - distances[a][t.negative()] + beta[r];
      if (negativeTerm > 0) {
        sum += negativeTerm;
        negatives++;
        pull(embeddings, embeddingGradient, a, t.negative(), distances, -1);
        betaGradient[r] += 1;
      }
      sum += config.nu() * beta[r];
      betaGradient[r] += config.nu();
    }
    double scale = 1.0 / Math.max(positives + negatives, 1);
    for (double[] row : embeddingGradient) {
      for (int k = 0; k < row.length; k++) {
        row[k] *= scale;
      }
    }
    for (int r = 0; r < betaGradient.length; r++) {
      betaGradient[r] *= scale;
    }
    return new Result(
        sum * scale, embeddingGradient, betaGradient, new MinedCounts(positives, negatives));
  }

  /** Adds sign * d D_ij / d f to the gradient: sign (f_i - f_j) / D_ij at i, its negation at j. */
  private static void pull(
      double[][] embeddings, double[][] gradient, int i, int j, double[][] distances, int sign) {
    for (int k = 0; k < embeddings[i].length; k++) {
      double slope = sign * (embeddings[i][k] - embeddings[j][k]) / distances[i][j];
      gradient[i][k] += slope;
      gradient[j][k] -= slope;
    }
  }
}
