/**
 * The image input pipeline: decoding ({@link org.rll.core.image.ImageSource}), the paper's
 * preprocessing (bilinear resize, crop, flip, per-backbone {@link
 * org.rll.core.image.Normalization}) and a {@link org.rll.core.image.BatchLoader} that decodes
 * batches in parallel with bounded prefetch.
 *
 * <p>Every random choice (crop offset, flip) is a function of (seed, iteration, position in the
 * batch), and the resize is plain arithmetic on pixel arrays, so a batch is byte-identical whatever
 * the thread count, the order in which images finish, or the iteration a run resumes from.
 */
package org.rll.core.image;
