package org.rll.core.sampling;

import java.util.Arrays;
import org.rll.core.random.SplitMix64;

/**
 * Which classes each batch holds: classes are permuted epoch by epoch so that every class appears
 * once before any repeats.
 *
 * <p>With M classes and C per batch, an epoch has B = ceil(M / C) batches. Epoch e shuffles the
 * classes with the stream (seed, CLASS, e); batch b < B - 1 takes positions [bC, bC + C) of that
 * order, and the last batch takes the remaining M - (B - 1)C classes plus fillers drawn without
 * replacement from the epoch's earlier classes with the stream (seed, FILLER, e). Classes inside a
 * batch are therefore distinct and every class appears in every epoch.
 *
 * <p>The order of the most recent epoch is cached, so sequential access costs O(1) amortised per
 * batch; random access to another epoch recomputes its order (O(M)). Safe for concurrent use: the
 * cache is an immutable snapshot swapped atomically.
 */
final class EpochSchedule {
  private final int[] classes;
  private final int classesPerBatch;
  private final long seed;
  private final int batchesPerEpoch;
  private volatile EpochOrder cached;

  /** The classes of one epoch, batch after batch: B x C class ids. */
  private record EpochOrder(long epoch, int[] order) {}

  /** A schedule over {@code classes} (at least {@code classesPerBatch} distinct ids). */
  EpochSchedule(int[] classes, int classesPerBatch, long seed) {
    this.classes = classes.clone();
    this.classesPerBatch = classesPerBatch;
    this.seed = seed;
    this.batchesPerEpoch = (classes.length + classesPerBatch - 1) / classesPerBatch;
  }

  /** B: batches per epoch. */
  int batchesPerEpoch() {
    return batchesPerEpoch;
  }

  /** The C distinct class ids of batch {@code iteration}. */
  int[] classesOf(int iteration) {
    long epoch = iteration / batchesPerEpoch;
    int start = (iteration % batchesPerEpoch) * classesPerBatch;
    return Arrays.copyOfRange(orderOf(epoch), start, start + classesPerBatch);
  }

  private int[] orderOf(long epoch) {
    EpochOrder current = cached;
    if (current == null || current.epoch() != epoch) {
      current = new EpochOrder(epoch, computeOrder(epoch));
      cached = current;
    }
    return current.order();
  }

  private int[] computeOrder(long epoch) {
    int[] permutation = classes.clone();
    SplitMix64.derive(seed, SamplerStreams.CLASS, epoch).shuffle(permutation);
    int[] order = Arrays.copyOf(permutation, batchesPerEpoch * classesPerBatch);
    int earlier = (batchesPerEpoch - 1) * classesPerBatch;
    int fillers = order.length - permutation.length;
    // Partial Fisher-Yates over the earlier classes: the fillers are distinct from each other and,
    // coming from earlier batches, from the last batch's own classes.
    int[] candidates = Arrays.copyOf(permutation, earlier);
    SplitMix64 rng = SplitMix64.derive(seed, SamplerStreams.FILLER, epoch);
    for (int f = 0; f < fillers; f++) {
      int pick = f + rng.nextInt(earlier - f);
      int swap = candidates[f];
      candidates[f] = candidates[pick];
      candidates[pick] = swap;
      order[permutation.length + f] = candidates[f];
    }
    return order;
  }
}
