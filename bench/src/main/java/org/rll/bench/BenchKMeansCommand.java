package org.rll.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.List;
import java.util.Locale;
import org.rll.bench.synthetic.SyntheticClasses;
import org.rll.core.metrics.KMeans;
import org.rll.core.metrics.KMeansRestartSummary;
import org.rll.core.metrics.KMeansResult;
import org.rll.core.metrics.KMeansSeedingMethod;
import org.rll.core.metrics.NormalizedMutualInformation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench kmeans}: k-means on synthetic clustered, L2-normalised data; prints seeding and
 * per-Lloyd-iteration times against one bare blocked N x k x d matrix product timed in the same
 * run.
 */
@Command(
    name = "kmeans",
    mixinStandardHelpOptions = true,
    description =
        "k-means|| and k-means++ seeding and Lloyd iterations against a bare blocked matrix"
            + " product, with each fit's NMI.")
public final class BenchKMeansCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--n", description = "Points (default: ${DEFAULT-VALUE}).")
  int n = 5924;

  @Option(names = "--dim", description = "Dimensions (default: ${DEFAULT-VALUE}).")
  int dim = 512;

  @Option(
      names = "--k",
      description = "Clusters, also the generating centres (default: ${DEFAULT-VALUE}).")
  int k = 100;

  @Option(names = "--restarts", description = "k-means restarts (default: ${DEFAULT-VALUE}).")
  int restarts = 1;

  @Option(names = "--max-iterations", description = "Lloyd cap (default: ${DEFAULT-VALUE}).")
  int maxIterations = 20;

  @Option(names = "--block-size", description = "Rows per distance block (default: 8 Mi / k).")
  Integer blockSize;

  @Option(
      names = "--noise",
      description = "Noise / centre spread per coordinate (default: ${DEFAULT-VALUE}).")
  double noise = 2.0;

  @Option(names = "--seed", description = "Data and k-means seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--seeding",
      split = ",",
      description =
          "Seedings to time one after another: K_MEANS_PARALLEL, K_MEANS_PLUS_PLUS"
              + " (default: both; each fit's NMI against the generating centres is printed).")
  List<KMeansSeedingMethod> seedings =
      List.of(KMeansSeedingMethod.K_MEANS_PARALLEL, KMeansSeedingMethod.K_MEANS_PLUS_PLUS);

  @Override
  public void run() {
    int rowsPerBlock = blockSize != null ? blockSize : KMeans.defaultBlockSize(k);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray points = clusteredPoints(manager);
      print(
          "kmeans bench: n=%d dim=%d k=%d noise=%.2f restarts=%d max-iterations=%d block=%d rows, %s",
          n, dim, k, noise, restarts, maxIterations, rowsPerBlock, points.getDevice());
      warmUp(points);
      bareProduct(points, rowsPerBlock);
      double productSeconds = bareProduct(points, rowsPerBlock);
      print(
          "bare blocked product N x k x d: %.3f s (%.1f GFLOP/s)",
          productSeconds, 2.0 * n * k * dim / productSeconds / 1e9);

      for (KMeansSeedingMethod seeding : seedings) {
        fitAndReport(points, seeding, rowsPerBlock, productSeconds);
      }
    }
  }

  private void fitAndReport(
      NDArray points, KMeansSeedingMethod seeding, int rowsPerBlock, double productSeconds) {
    long start = System.nanoTime();
    KMeansResult result =
        KMeans.builder()
            .setK(k)
            .optSeed(seed)
            .optSeeding(seeding)
            .optRestarts(restarts)
            .optMaxIterations(maxIterations)
            .optTolerance(0)
            .optBlockSize(rowsPerBlock)
            .build()
            .fit(points);
    double totalSeconds = (System.nanoTime() - start) / 1e9;
    for (KMeansRestartSummary restart : result.restarts()) {
      double seconds = restart.seedingNanos() / 1e9;
      double perIteration = restart.lloydNanos() / 1e9 / restart.iterations();
      print(
          "%s restart %d: seeding %.3f s (%.2f x bare product);"
              + " %d Lloyd iterations, %.3f s each (%.2f x bare product); inertia %.6g",
          seeding,
          restart.restart(),
          seconds,
          seconds / productSeconds,
          restart.iterations(),
          perIteration,
          perIteration / productSeconds,
          restart.inertia());
    }
    print(
        "%s total fit: %.3f s (%.2f x bare product); NMI %.2f",
        seeding,
        totalSeconds,
        totalSeconds / productSeconds,
        100 * NormalizedMutualInformation.of(generatingLabels(), result.assignments()));
  }

  private int[] generatingLabels() {
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % k;
    }
    return labels;
  }

  /** A small fit first, so that the timed one runs JIT-compiled code: at most 2000 rows, k = 50. */
  private void warmUp(NDArray points) {
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray rows = points.get(manager, new NDIndex("0:{}", Math.min(n, 2000)));
      int warmUpK = (int) Math.min(50, rows.getShape().get(0));
      KMeans.builder().setK(warmUpK).optRestarts(1).optMaxIterations(5).build().fit(rows);
    }
  }

  /**
   * Seconds for one pass of blocked row-block x centres^T products (the first k rows as centres).
   */
  private double bareProduct(NDArray points, int rowsPerBlock) {
    try (NDManager manager = points.getManager().newSubManager()) {
      NDArray centresTransposed = points.get(manager, new NDIndex("0:{}", k)).transpose();
      long start = System.nanoTime();
      for (int begin = 0; begin < n; begin += rowsPerBlock) {
        try (NDManager block = manager.newSubManager()) {
          NDArray rows =
              points.get(block, new NDIndex("{}:{}", begin, Math.min(n, begin + rowsPerBlock)));
          rows.matMul(centresTransposed).get(0, 0).getFloat();
        }
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** {@code k} Gaussian centres, each point its centre i % k plus Gaussian noise, L2-normalised. */
  private NDArray clusteredPoints(NDManager manager) {
    return SyntheticClasses.builder()
        .setLabels(generatingLabels())
        .setDim(dim)
        .optNoise(noise)
        .optNormalize(true)
        .optSeed(seed)
        .build()
        .toNDArray(manager);
  }

  private void print(String format, Object... args) {
    spec.commandLine().getOut().println(String.format(Locale.ROOT, format, args));
  }
}
