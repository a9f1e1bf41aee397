package org.rll.core.sampling;

/**
 * Keys of the random streams the sampler derives from its seed with {@code SplitMix64.derive}. They
 * are part of what a seed means: changing one changes every batch of every run.
 */
final class SamplerStreams {
  /** Keys (seed, CLASS, epoch): the epoch's class permutation. */
  static final long CLASS = 1;

  /** Keys (seed, FILLER, epoch): the classes repeated to complete the epoch's last batch. */
  static final long FILLER = 2;

  /** Keys (seed, IMAGE, iteration, class label): the images of one class in one batch. */
  static final long IMAGE = 3;

  private SamplerStreams() {}
}
