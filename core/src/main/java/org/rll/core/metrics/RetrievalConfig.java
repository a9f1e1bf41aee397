package org.rll.core.metrics;

import java.util.Arrays;
import org.rll.core.exceptions.ValidationException;

/**
 * Settings of {@link RetrievalEvaluator}: the list of K for Recall@K and the query block size.
 *
 * <p>Immutable and validated at construction: every K is positive and appears once, the block size
 * is positive. The block size bounds memory: one block holds {@code blockSize x N} scores.
 */
public final class RetrievalConfig {
  /** K of CUB-200-2011 and CARS196 in the paper. */
  public static final int[] DEFAULT_KS = {1, 2, 4, 8};

  /** Rows per query block; 1024 x 60,502 scores is about 250 MB. */
  public static final int DEFAULT_BLOCK_SIZE = 1024;

  private final int[] ks;
  private final int blockSize;

  private RetrievalConfig(Builder builder) {
    ValidationException.check(builder.ks.length > 0, "ks must not be empty");
    for (int k : builder.ks) {
      ValidationException.check(k > 0, "k must be positive, got %d", k);
    }
    int[] sorted = builder.ks.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      ValidationException.check(
          sorted[i] != sorted[i - 1], "ks must be distinct, got %d twice", sorted[i]);
    }
    ValidationException.check(
        builder.blockSize > 0, "blockSize must be positive, got %d", builder.blockSize);
    this.ks = sorted;
    this.blockSize = builder.blockSize;
  }

  /** A builder with the defaults {@link #DEFAULT_KS} and {@link #DEFAULT_BLOCK_SIZE}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The K values in ascending order (a copy). */
  public int[] ks() {
    return ks.clone();
  }

  /** The number of query rows scored at once. */
  public int blockSize() {
    return blockSize;
  }

  @Override
  public String toString() {
    return "RetrievalConfig{ks=" + Arrays.toString(ks) + ", blockSize=" + blockSize + "}";
  }

  /** Builds a {@link RetrievalConfig}; every setting is optional. */
  public static final class Builder {
    private int[] ks = DEFAULT_KS.clone();
    private int blockSize = DEFAULT_BLOCK_SIZE;

    private Builder() {}

    /** The K values of Recall@K, in any order; each positive and distinct. */
    public Builder optKs(int... ks) {
      this.ks = ks.clone();
      return this;
    }

    /** The number of query rows scored at once; positive. */
    public Builder optBlockSize(int blockSize) {
      this.blockSize = blockSize;
      return this;
    }

    /** Validates the settings and returns the config. */
    public RetrievalConfig build() {
      return new RetrievalConfig(this);
    }
  }
}
