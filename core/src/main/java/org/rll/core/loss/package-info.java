/**
 * Losses over embedding heads: {@link org.rll.core.loss.EmbeddingLoss}, the DJL loss that sums its
 * heads and keeps their mined counts, and may own learned parameters ({@link
 * org.rll.core.loss.LossContext}); the Ranked List Loss (Wang et al., CVPR 2019, Eq. 8-14), whose
 * {@link org.rll.core.loss.RankedListLoss} is the vectorised loss used for training and {@link
 * org.rll.core.loss.NaiveRankedListLoss} the plain per-query reference it is tested against; and
 * {@link org.rll.core.loss.LossConfig}, which names a loss's spec type. The baselines live in
 * {@code baseline}.
 */
package org.rll.core.loss;
