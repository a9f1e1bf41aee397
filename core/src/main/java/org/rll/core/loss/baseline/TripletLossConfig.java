package org.rll.core.loss.baseline;

import org.rll.core.exceptions.ValidationException;
import org.rll.core.loss.LossConfig;

/**
 * The settings of the triplet loss, validated at construction.
 *
 * @param margin the margin alpha between the anchor-positive and anchor-negative distances, &gt; 0
 * @param mining which triplets of the batch are trained on
 * @param squaredDistance whether distances are squared Euclidean (FaceNet, the default) or
 *     Euclidean (Hermans et al.)
 */
public record TripletLossConfig(double margin, TripletMining mining, boolean squaredDistance)
    implements LossConfig {

  /** FaceNet's alpha, on squared distances. */
  public static final double DEFAULT_MARGIN = 0.2;

  /** FaceNet's semi-hard mining. */
  public static final TripletMining DEFAULT_MINING = TripletMining.SEMIHARD;

  /** FaceNet's squared Euclidean distance, the scale its margin 0.2 is meant for. */
  public static final boolean DEFAULT_SQUARED_DISTANCE = true;

  /** Validates every value; messages name the offending one. */
  public TripletLossConfig {
    ValidationException.check(Double.isFinite(margin), "margin must be finite, got %s", margin);
    ValidationException.check(margin > 0, "margin must be > 0, got %s", margin);
    ValidationException.check(mining != null, "mining must be set, got null");
  }

  /** FaceNet's settings: margin 0.2, semi-hard mining, squared distances. */
  public static TripletLossConfig defaults() {
    return new TripletLossConfig(DEFAULT_MARGIN, DEFAULT_MINING, DEFAULT_SQUARED_DISTANCE);
  }

  /** {@code triplet}. */
  @Override
  public String type() {
    return "triplet";
  }

  @Override
  public TripletLoss newLoss() {
    return TripletLoss.builder()
        .optMargin(margin)
        .optMining(mining)
        .optSquaredDistance(squaredDistance)
        .build();
  }
}
