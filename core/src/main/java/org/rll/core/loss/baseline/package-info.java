/**
 * The losses the paper compares the Ranked List Loss with (its Table 1), each an {@link
 * org.rll.core.loss.EmbeddingLoss} with the conventions of {@link
 * org.rll.core.loss.RankedListLoss}: vectorised over the batch, a validated config that names the
 * loss's spec type, and a plain Java reference ({@code Naive...}) it is tested against. Pair-based:
 * {@link org.rll.core.loss.baseline.ContrastiveLoss}, {@link
 * org.rll.core.loss.baseline.TripletLoss}, {@link org.rll.core.loss.baseline.LiftedStructureLoss},
 * {@link org.rll.core.loss.baseline.NPairLoss}, {@link
 * org.rll.core.loss.baseline.MultiSimilarityLoss} and {@link org.rll.core.loss.baseline.MarginLoss}
 * (with a learned beta); proxy-based: {@link org.rll.core.loss.baseline.ProxyNcaLoss} and {@link
 * org.rll.core.loss.baseline.ProxyAnchorLoss}.
 */
package org.rll.core.loss.baseline;
