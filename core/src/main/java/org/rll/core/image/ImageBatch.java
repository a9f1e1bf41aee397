package org.rll.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * One decoded, preprocessed batch: float32 values in NCHW order (image, channel, row, column) and
 * the dataset indices of its images.
 *
 * <p>The values array is the batch's own (a batch of 180 paper-size images is about 111 MB, too
 * much to copy on each access): readers must not write to it.
 */
public final class ImageBatch {
  private final int iteration;
  private final int[] indices;
  private final float[] values;
  private final int channels;
  private final int height;
  private final int width;

  ImageBatch(int iteration, int[] indices, float[] values, ImageTransformConfig config) {
    this.iteration = iteration;
    this.indices = indices.clone();
    this.values = values;
    this.channels = config.channels();
    this.height = config.cropHeight();
    this.width = config.cropWidth();
  }

  /** The iteration this batch belongs to. */
  public int iteration() {
    return iteration;
  }

  /** The dataset index of each image, in batch order (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  /** The number of images: N. */
  public int size() {
    return indices.length;
  }

  public int channels() {
    return channels;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** (N, C, H, W). */
  public long[] shape() {
    return new long[] {indices.length, channels, height, width};
  }

  /** The values, NCHW; the batch's own array, not to be written. */
  public float[] values() {
    return values;
  }

  /**
   * A float32 NDArray of shape (N, C, H, W) holding a copy of the values, owned by {@code manager}.
   */
  public NDArray toNDArray(NDManager manager) {
    return manager.create(values, new Shape(shape()));
  }
}
