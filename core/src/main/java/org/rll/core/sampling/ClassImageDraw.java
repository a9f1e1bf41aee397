package org.rll.core.sampling;

import org.rll.core.random.SplitMix64;

/**
 * Draws the K images of one class for one batch.
 *
 * <p>A class with at least K images gives K distinct images, a uniformly random subset (Floyd's
 * algorithm: K draws, whatever the class size). A smaller class is filled as the authors' code did:
 * all its images shuffled, then cycled until K are placed.
 */
final class ClassImageDraw {
  private ClassImageDraw() {}

  /** Writes the K images of class id {@code c} into {@code out[offset, offset + k)}. */
  static void draw(ClassIndex index, int c, int k, SplitMix64 rng, int[] out, int offset) {
    int n = index.size(c);
    if (n >= k) {
      drawDistinct(index, c, n, k, rng, out, offset);
    } else {
      int[] positions = new int[n];
      for (int i = 0; i < n; i++) {
        positions[i] = i;
      }
      rng.shuffle(positions);
      for (int i = 0; i < k; i++) {
        out[offset + i] = index.image(c, positions[i % n]);
      }
    }
  }

  private static void drawDistinct(
      ClassIndex index, int c, int n, int k, SplitMix64 rng, int[] out, int offset) {
    for (int j = n - k; j < n; j++) {
      int candidate = index.image(c, rng.nextInt(j + 1));
      int placed = j - (n - k);
      out[offset + placed] =
          contains(out, offset, placed, candidate) ? index.image(c, j) : candidate;
    }
  }

  private static boolean contains(int[] values, int from, int count, int value) {
    for (int i = from; i < from + count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
