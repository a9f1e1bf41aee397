package org.rll.core.embed;

import java.util.List;

/**
 * Maps a batch of preprocessed images to embeddings: one matrix per output, such as the heads
 * {@code L}, {@code M}, {@code H} and their concatenation {@code L,M,H}.
 *
 * <p>Implementations run a model in inference mode (BatchNorm on its running statistics), so the
 * same batch always gives the same embeddings.
 */
public interface Embedder extends AutoCloseable {

  /** The outputs' names, in the order {@link #embed} returns them. */
  List<String> outputNames();

  /**
   * Embeds one batch.
   *
   * @param values the images, float32 NCHW, as {@code ImageBatch.values()} holds them
   * @param shape (N, C, H, W)
   * @return one row-major (N x dim) matrix per output, in {@link #outputNames()} order
   */
  float[][] embed(float[] values, long[] shape);

  @Override
  void close();
}
