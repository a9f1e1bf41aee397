/**
 * The Ranked List Loss (Wang et al., CVPR 2019, Eq. 8-14): {@link org.rll.core.loss.RankedListLoss}
 * is the vectorised DJL loss used for training, {@link org.rll.core.loss.NaiveRankedListLoss} the
 * plain per-query reference it is tested against.
 */
package org.rll.core.loss;
