package org.rll.core.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.random.SplitMix64;

/**
 * k-means of the rows of an N x d float32 NDArray, on that array's device: k-means|| seeding (exact
 * k-means++ as an option, {@link KMeansSeedingMethod}), Lloyd iterations, several restarts keeping
 * the lowest inertia (the earliest on ties).
 *
 * <p>Rules, the same in the naive reference of the tests:
 *
 * <ul>
 *   <li>An iteration assigns every point to its nearest centre (lowest index on ties) and measures
 *       the inertia exactly, in doubles. It stops when the assignments did not change, when the
 *       inertia changed by at most {@code tolerance} relative to the previous iteration, or at
 *       {@code maxIterations}; otherwise every centre becomes the mean of its points.
 *   <li>Empty clusters: after the means, each empty cluster in increasing index order takes as its
 *       centre the point farthest from the centre it was assigned to (lowest index on ties), each
 *       point at most once per update.
 *   <li>The result's centres are the ones its assignments and inertia refer to.
 * </ul>
 *
 * <p>Deterministic on every device: restart r draws from {@code SplitMix64.derive(seed, r)}, centre
 * updates run on the host in doubles. Memory beyond the points, one host copy of them and the
 * centres is bounded by the block size: at most {@code blockSize x k} distances exist at once.
 *
 * <pre>{@code
 * KMeansResult result = KMeans.builder().setK(100).optSeed(7).build().fit(embeddings);
 * }</pre>
 */
public final class KMeans {
  /** Distances per block when no block size is given: 8 Mi floats, 32 MiB. */
  private static final long DEFAULT_BLOCK_ELEMENTS = 1L << 23;

  private final int k;
  private final long seed;
  private final int restarts;
  private final int maxIterations;
  private final double tolerance;
  private final int blockSize;
  private final KMeansSeedingMethod seeding;

  private KMeans(Builder builder) {
    ValidationException.check(builder.k != null, "k must be set");
    ValidationException.check(builder.seeding != null, "seeding must not be null");
    ValidationException.check(builder.k >= 1, "k must be positive, got %d", builder.k);
    ValidationException.check(
        builder.restarts >= 1, "restarts must be positive, got %d", builder.restarts);
    ValidationException.check(
        builder.maxIterations >= 1,
        "maxIterations must be positive, got %d",
        builder.maxIterations);
    ValidationException.check(
        builder.tolerance >= 0 && Double.isFinite(builder.tolerance),
        "tolerance must be finite and non-negative, got %s",
        builder.tolerance);
    ValidationException.check(
        builder.blockSize == null || builder.blockSize >= 1,
        "blockSize must be positive, got %s",
        builder.blockSize);
    this.k = builder.k;
    this.seed = builder.seed;
    this.restarts = builder.restarts;
    this.maxIterations = builder.maxIterations;
    this.tolerance = builder.tolerance;
    this.blockSize = builder.blockSize != null ? builder.blockSize : defaultBlockSize(k);
    this.seeding = builder.seeding;
  }

  /** A new builder; {@link Builder#setK} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Rows per block when none is given: 8 Mi distances (32 MiB) per block, at least one row. */
  public static int defaultBlockSize(int k) {
    return (int) Math.max(1, DEFAULT_BLOCK_ELEMENTS / Math.max(1, k));
  }

  /**
   * Clusters the rows of {@code points} (N x d float32, finite, N >= k).
   *
   * @throws ValidationException if the shape, type or values are unusable; the message names them
   */
  public KMeansResult fit(NDArray points) {
    KMeansPoints host = KMeansPoints.copyOf(points, k);
    try (NDManager manager = points.getManager().newSubManager(points.getDevice())) {
      manager.tempAttachAll(points);
      double[] squaredNorms = host.squaredNorms();
      KMeansLloyd lloyd =
          new KMeansLloyd(host, new KMeansAssigner(points, blockSize), maxIterations, tolerance);
      List<KMeansRestartSummary> summaries = new ArrayList<>();
      KMeansLloyd.Outcome best = null;
      int bestRestart = -1;
      for (int restart = 0; restart < restarts; restart++) {
        long start = System.nanoTime();
        SplitMix64 rng = SplitMix64.derive(seed, restart);
        int[] seeds =
            seeding == KMeansSeedingMethod.K_MEANS_PLUS_PLUS
                ? KMeansSeeding.kMeansPlusPlus(points, squaredNorms, k, rng)
                : KMeansParallelSeeding.seeds(points, squaredNorms, k, rng);
        long seeded = System.nanoTime();
        KMeansLloyd.Outcome outcome = lloyd.run(host.rows(seeds), k);
        summaries.add(
            new KMeansRestartSummary(
                restart,
                outcome.inertia(),
                outcome.iterations(),
                seeded - start,
                System.nanoTime() - seeded));
        if (best == null || outcome.inertia() < best.inertia()) {
          best = outcome;
          bestRestart = restart;
        }
      }
      return new KMeansResult(
          best.assignments(),
          asRows(best.centres(), host.dimension()),
          best.inertia(),
          best.iterations(),
          bestRestart,
          summaries);
    }
  }

  private static float[][] asRows(float[] rowMajor, int dimension) {
    float[][] rows = new float[rowMajor.length / dimension][dimension];
    for (int c = 0; c < rows.length; c++) {
      System.arraycopy(rowMajor, c * dimension, rows[c], 0, dimension);
    }
    return rows;
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  /** Rows of points per distance block. */
  public int blockSize() {
    return blockSize;
  }

  /** DJL-style builder of {@link KMeans}; validation happens in {@link #build()}. */
  public static final class Builder {
    private Integer k;
    private long seed;
    private int restarts = 3;
    private int maxIterations = 100;
    private double tolerance = 1e-4;
    private Integer blockSize;
    private KMeansSeedingMethod seeding = KMeansSeedingMethod.K_MEANS_PARALLEL;

    private Builder() {}

    /** Number of clusters, required, 1 <= k <= N. */
    public Builder setK(int k) {
      this.k = k;
      return this;
    }

    /** Seed of every random choice; default 0. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Independent seedings, the lowest inertia kept; default 3. */
    public Builder optRestarts(int restarts) {
      this.restarts = restarts;
      return this;
    }

    /** Cap on Lloyd iterations per restart; default 100. */
    public Builder optMaxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /** Stop when the inertia changes by at most this fraction; default 1e-4, 0 disables. */
    public Builder optTolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Rows per distance block; default {@link KMeans#defaultBlockSize(int)}. */
    public Builder optBlockSize(int blockSize) {
      this.blockSize = blockSize;
      return this;
    }

    /** How the initial centres are drawn; default {@link KMeansSeedingMethod#K_MEANS_PARALLEL}. */
    public Builder optSeeding(KMeansSeedingMethod seeding) {
      this.seeding = seeding;
      return this;
    }

    /** Validates the settings and builds the immutable configuration. */
    public KMeans build() {
      return new KMeans(this);
    }
  }
}
