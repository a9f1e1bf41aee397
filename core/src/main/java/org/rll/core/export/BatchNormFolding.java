package org.rll.core.export;

/**
 * Folds an inference-mode BatchNorm into the convolution before it: with {@code s = gamma /
 * sqrt(var + eps)} per output channel, {@code W' = W s} and {@code b' = (b - mean) s + beta}, so
 * one convolution computes what the two did. Arithmetic in double, rounded once to float.
 */
final class BatchNormFolding {
  private BatchNormFolding() {}

  /** A convolution's weight (output channel major) and bias after folding. */
  record Folded(float[] weight, float[] bias) {}

  /**
   * @param weight the convolution's weight, output channel major (O x I x kH x kW)
   * @param bias the convolution's bias, or null for none
   * @param gamma BatchNorm scale, one per output channel
   * @param beta BatchNorm shift
   * @param mean running mean
   * @param variance running variance
   * @param epsilon added to the variance
   */
  static Folded fold(
      float[] weight,
      float[] bias,
      float[] gamma,
      float[] beta,
      float[] mean,
      float[] variance,
      double epsilon) {
    int channels = gamma.length;
    if (beta.length != channels
        || mean.length != channels
        || variance.length != channels
        || (bias != null && bias.length != channels)
        || weight.length % channels != 0) {
      throw new IllegalArgumentException(
          "BatchNorm of "
              + channels
              + " channels does not match a convolution of "
              + weight.length
              + " weights");
    }
    int perChannel = weight.length / channels;
    float[] foldedWeight = new float[weight.length];
    float[] foldedBias = new float[channels];
    for (int c = 0; c < channels; c++) {
      double scale = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
      for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
        foldedWeight[i] = (float) (weight[i] * scale);
      }
      double b = bias == null ? 0 : bias[c];
      foldedBias[c] = (float) ((b - mean[c]) * scale + beta[c]);
    }
    return new Folded(foldedWeight, foldedBias);
  }
}
