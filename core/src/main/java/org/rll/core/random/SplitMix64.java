package org.rll.core.random;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast generator whose output is fixed by its
 * published algorithm, so a seed means the same stream on every JDK and machine.
 *
 * <p>{@link #derive} makes an independent stream from a seed and any keys, for example (seed,
 * iteration, position): randomness is then a function of where it is used, never of the order in
 * which it was consumed, which is what lets a resumed run equal an uninterrupted one.
 */
public final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** A stream starting from {@code seed}, identical to the reference {@code splitmix64.c}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** An independent stream for {@code seed} and the given keys; equal inputs give equal streams. */
  public static SplitMix64 derive(long seed, long... keys) {
    long h = mix(seed);
    for (long key : keys) {
      h = mix(h ^ mix(key + GOLDEN_GAMMA));
    }
    return new SplitMix64(h);
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** A uniform integer in {@code [0, bound)}, without modulo bias (Lemire's method). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    long product = (nextLong() >>> 32) * bound;
    if ((product & 0xFFFFFFFFL) < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while ((product & 0xFFFFFFFFL) < threshold) {
        product = (nextLong() >>> 32) * bound;
      }
    }
    return (int) (product >>> 32);
  }

  /** A uniform double in {@code [0, 1)} with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A standard normal draw (Box-Muller from two uniform draws, so the stream stays portable). */
  public double nextGaussian() {
    double radius = Math.sqrt(-2 * Math.log(1 - nextDouble()));
    return radius * Math.cos(2 * Math.PI * nextDouble());
  }

  /** Shuffles {@code values} in place (Fisher-Yates). */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
