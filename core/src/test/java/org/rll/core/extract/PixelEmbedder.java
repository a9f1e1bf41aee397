package org.rll.core.extract;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.rll.core.embed.Embedder;

/**
 * An embedder whose rows are known exactly: output {@code A} is an image's first two pixel values,
 * output {@code A,B} adds the sum of all its pixels. Counts its calls.
 */
public final class PixelEmbedder implements Embedder {
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public List<String> outputNames() {
    return List.of("A", "A,B");
  }

  @Override
  public float[][] embed(float[] values, long[] shape) {
    calls.incrementAndGet();
    int n = (int) shape[0];
    int pixels = values.length / n;
    float[] a = new float[n * 2];
    float[] ab = new float[n * 3];
    for (int i = 0; i < n; i++) {
      float sum = 0;
      for (int p = 0; p < pixels; p++) {
        sum += values[i * pixels + p];
      }
      a[2 * i] = values[i * pixels];
      a[2 * i + 1] = values[i * pixels + 1];
      ab[3 * i] = a[2 * i];
      ab[3 * i + 1] = a[2 * i + 1];
      ab[3 * i + 2] = sum;
    }
    return new float[][] {a, ab};
  }

  /** Row {@code i} of output {@code A,B} for a gallery of {@code side x side} images. */
  static float[] expectedRow(int i, int side) {
    float sum = 0;
    for (int p = 0; p < side * side; p++) {
      sum += Gallery.pixel(i, p);
    }
    return new float[] {Gallery.pixel(i, 0), Gallery.pixel(i, 1), sum};
  }

  @Override
  public void close() {}
}
