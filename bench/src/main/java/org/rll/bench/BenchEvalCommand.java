package org.rll.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.rll.bench.synthetic.SyntheticClasses;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.export.OrtMatMul;
import org.rll.core.metrics.KMeans;
import org.rll.core.metrics.NormalizedMutualInformation;
import org.rll.core.metrics.RetrievalConfig;
import org.rll.core.metrics.RetrievalEvaluator;
import org.rll.core.metrics.RetrievalResult;
import org.rll.core.random.SplitMix64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench eval}: the retrieval metrics on synthetic clustered embeddings shaped like the
 * SOP test split, timed against the bare blocked N x N x d product of the same run.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Recall@K and MAP@R time and peak memory against the bare blocked product.")
public final class BenchEvalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--n", description = "Embeddings (default: ${DEFAULT-VALUE}).")
  int n = 60_502;

  @Option(names = "--dim", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
  int dim = 512;

  @Option(
      names = "--classes",
      description = "Classes, 1 to --max-class-size items each (default: ${DEFAULT-VALUE}).")
  int classes = 11_316;

  @Option(
      names = "--max-class-size",
      description = "Largest class, as in SOP (default: ${DEFAULT-VALUE}).")
  int maxClassSize = 12;

  @Option(names = "--seed", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--block", description = "Query block size (default: ${DEFAULT-VALUE}).")
  int block = RetrievalConfig.DEFAULT_BLOCK_SIZE;

  @Option(
      names = "--ks",
      split = ",",
      description = "K list of Recall@K (default: ${DEFAULT-VALUE}, as for SOP).")
  int[] ks = {1, 10, 100, 1000};

  @Option(
      names = "--spread",
      description = "Within-class noise relative to the class centre (default: ${DEFAULT-VALUE}).")
  double spread = 2.3;

  @Option(
      names = "--nmi",
      description = "Also time NMI (k-means with k = classes, 1 restart); minutes at SOP size.")
  boolean nmi;

  @Option(
      names = "--repeat",
      description =
          "Alternating product and metric runs; the best of each is compared (default: ${DEFAULT-VALUE}).")
  int repeat = 3;

  @Override
  public void run() {
    ValidationException.check(classes > 0, "classes must be positive, got %d", classes);
    ValidationException.check(
        n >= classes && n <= maxClassSize * classes,
        "n must be between classes and max-class-size %d x classes, got n %d for %d classes",
        maxClassSize,
        n,
        classes);
    ValidationException.check(dim > 0, "dim must be positive, got %d", dim);
    ValidationException.check(repeat > 0, "repeat must be positive, got %d", repeat);
    RetrievalConfig config = RetrievalConfig.builder().optKs(ks).optBlockSize(block).build();
    int[] labels = labels();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = embeddings(manager, labels);
      RetrievalEvaluator evaluator = new RetrievalEvaluator(config);
      double productSeconds = Double.MAX_VALUE;
      double metricSeconds = Double.MAX_VALUE;
      RetrievalResult result = null;
      for (int run = 1; run <= repeat; run++) {
        double ort = ortProductSeconds(embeddings);
        print("run " + run, String.format(Locale.ROOT, "ONNX Runtime product %.2f s", ort));
        double product = plainProductSeconds(embeddings);
        long start = System.nanoTime();
        result = evaluator.evaluate(embeddings, labels);
        double metrics = (System.nanoTime() - start) / 1e9;
        print(
            "run " + run,
            String.format(Locale.ROOT, "product %.2f s, metrics %.2f s", product, metrics));
        productSeconds = Math.min(productSeconds, product);
        metricSeconds = Math.min(metricSeconds, metrics);
      }
      print("device", embeddings.getDevice() + ", " + config);
      print("result", result.toString());
      print(
          "blocked product",
          String.format(Locale.ROOT, "%.2f s (best of %d)", productSeconds, repeat));
      print("metrics", String.format(Locale.ROOT, "%.2f s (best of %d)", metricSeconds, repeat));
      print(
          "ratio",
          String.format(Locale.ROOT, "%.3f x the product", metricSeconds / productSeconds));
      if (nmi) {
        timeNmi(embeddings, labels, productSeconds);
      }
      print("peak RSS", String.format(Locale.ROOT, "%.0f MiB (VmHWM)", peakResidentKib() / 1024.0));
      print("peak JVM heap", String.format(Locale.ROOT, "%.0f MiB", peakHeapBytes() / 1048576.0));
    }
  }

  private void timeNmi(NDArray embeddings, int[] labels, double productSeconds) {
    long start = System.nanoTime();
    int[] clusters =
        KMeans.builder()
            .setK(classes)
            .optSeed(seed)
            .optRestarts(1)
            .build()
            .fit(embeddings)
            .assignments();
    double nmiValue = NormalizedMutualInformation.of(labels, clusters);
    double seconds = (System.nanoTime() - start) / 1e9;
    print(
        "NMI",
        String.format(
            Locale.ROOT,
            "%.4f in %.2f s (k-means, 1 restart: %.2f x the product)",
            nmiValue,
            seconds,
            seconds / productSeconds));
  }

  /** Seconds of the same product on ONNX Runtime, each block copied into an NDArray. */
  private double ortProductSeconds(NDArray embeddings) {
    long start = System.nanoTime();
    float[] rows = embeddings.toFloatArray();
    try (NDManager scratch = embeddings.getManager().newSubManager(embeddings.getDevice());
        OrtMatMul product = new OrtMatMul(embeddings.transpose().toFloatArray(), dim, n)) {
      for (int from = 0; from < n; from += block) {
        int to = Math.min(n, from + block);
        try (NDManager blockManager = scratch.newSubManager()) {
          product
              .multiply(blockManager, Arrays.copyOfRange(rows, from * dim, to * dim), to - from)
              .get(0, 0)
              .getFloat();
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds of the bare block-by-block N x N x d product, each block discarded. */
  private double plainProductSeconds(NDArray embeddings) {
    long start = System.nanoTime();
    try (NDManager scratch = embeddings.getManager().newSubManager(embeddings.getDevice())) {
      NDArray gallery = embeddings.get(scratch, new NDIndex(":, :"));
      NDArray galleryT = gallery.transpose();
      for (int from = 0; from < n; from += block) {
        try (NDManager blockManager = scratch.newSubManager()) {
          NDArray queries =
              gallery.get(blockManager, new NDIndex("{}:{}", from, Math.min(n, from + block)));
          queries.matMul(galleryT).get(0, 0).getFloat();
        }
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Class sizes 1 to max-class-size, like SOP's 1 to 12: one item per class, the rest dealt to
   * random classes.
   */
  private int[] labels() {
    SplitMix64 random = SplitMix64.derive(seed, 1);
    int[] sizes = new int[classes];
    Arrays.fill(sizes, 1);
    for (int dealt = classes; dealt < n; ) {
      int c = random.nextInt(classes);
      if (sizes[c] < maxClassSize) {
        sizes[c]++;
        dealt++;
      }
    }
    int[] labels = new int[n];
    for (int c = 0, i = 0; c < classes; c++) {
      for (int k = 0; k < sizes[c]; k++) {
        labels[i++] = c;
      }
    }
    random.shuffle(labels);
    return labels;
  }

  /** A Gaussian centre per class plus Gaussian noise of scale {@code spread}, L2-normalised. */
  private NDArray embeddings(NDManager manager, int[] labels) {
    return SyntheticClasses.builder()
        .setLabels(labels)
        .setDim(dim)
        .optNoise(spread)
        .optNormalize(true)
        .optSeed(seed)
        .build()
        .toNDArray(manager);
  }

  private static long peakResidentKib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private void print(String name, String value) {
    spec.commandLine().getOut().printf(Locale.ROOT, "%-16s %s%n", name + ":", value);
  }
}
