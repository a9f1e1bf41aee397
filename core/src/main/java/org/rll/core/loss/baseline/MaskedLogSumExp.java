package org.rll.core.loss.baseline;

import ai.djl.ndarray.NDArray;

/**
 * Numerically stable, differentiable log-sum-exp over the masked entries of each row of an N x N
 * matrix, and log(e^x + e^y) element-wise. Shifts are taken from gradient-stopped values: a
 * log-sum-exp does not depend on its shift, so the gradient is the same and never passes through a
 * maximum.
 */
final class MaskedLogSumExp {
  /**
   * What out-of-mask entries count as in a row maximum, negated: finite in float32 and float64, and
   * far beyond any real logit, so an empty row's maximum is -1e30 rather than -inf (which would
   * turn 0 * inf into NaN in the backward pass).
   */
  static final double OUT_OF_MASK_PENALTY = 1e30;

  private MaskedLogSumExp() {}

  /** Each row's largest entry of {@code values} inside {@code mask} (N x 1); -1e30 if none. */
  static NDArray rowMax(NDArray values, NDArray mask) {
    NDArray inMask = mask.toType(values.getDataType(), false);
    return values.mul(inMask).add(inMask.sub(1).mul(OUT_OF_MASK_PENALTY)).max(new int[] {1}, true);
  }

  /**
   * log sum_{j in mask_i} exp(logits_ij) per row (N x 1). Each row is shifted by its largest
   * in-mask logit, so its top term is exactly 1 and the sum of a non-empty row is at least 1;
   * out-of-mask entries are clamped at 0 before exp, so they stay finite and the mask zeroes them.
   * An empty row gives -1e30, with zero gradient: its sum 0 is raised to 1 by a clip.
   */
  static NDArray rowLogSumExp(NDArray logits, NDArray mask) {
    NDArray shift = rowMax(logits.stopGradient(), mask);
    NDArray inMask = mask.toType(logits.getDataType(), false);
    NDArray sum =
        logits
            .sub(shift)
            .clip(-Float.MAX_VALUE, 0)
            .exp()
            .mul(inMask)
            .sum(new int[] {1}, true)
            .clip(1, Float.MAX_VALUE);
    return sum.log().add(shift);
  }

  /** log(e^x + e^y), element-wise with broadcasting, shifted by max(x, y). */
  static NDArray logAddExp(NDArray x, NDArray y) {
    NDArray shift = x.stopGradient().maximum(y.stopGradient());
    return x.sub(shift).exp().add(y.sub(shift).exp()).log().add(shift);
  }

  /**
   * log(1 + sum_{j in mask_i} exp(logits_ij)) per row (N x 1): 0 for an empty row, never an
   * overflow.
   */
  static NDArray logOnePlusSumExp(NDArray logits, NDArray mask) {
    NDArray rows = rowLogSumExp(logits, mask);
    return logAddExp(rows.zerosLike(), rows);
  }
}
