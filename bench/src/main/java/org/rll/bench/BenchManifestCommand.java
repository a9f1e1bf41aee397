package org.rll.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.rll.core.random.SplitMix64;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.sampling.BatchManifestWriter;
import org.rll.core.sampling.BatchSamplerConfig;
import org.rll.core.sampling.ClassBalancedSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rll bench manifest}: the cost of generating, writing, reading and verifying the batch
 * manifest of a whole run, against filling an int array of the same number of indices with
 * SplitMix64 draws in the same run.
 */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description = "Batch manifest write and read+verify time against a plain random int fill.")
public final class BenchManifestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--iterations", defaultValue = "10000", description = "Batches in the run.")
  int iterations;

  @Option(names = "--classes", defaultValue = "11318", description = "Classes in the split.")
  int classes;

  @Option(names = "--images", defaultValue = "59551", description = "Images in the split.")
  int images;

  @Option(names = "--c", defaultValue = "60", description = "Classes per batch.")
  int classesPerBatch;

  @Option(names = "--k", defaultValue = "3", description = "Images per class.")
  int imagesPerClass;

  @Option(names = "--seed", defaultValue = "1", description = "Sampler seed.")
  long seed;

  @Option(names = "--repeats", defaultValue = "5", description = "Timed rounds; the best counts.")
  int repeats;

  @Override
  public Integer call() throws IOException {
    // Image i of class i mod classes: SOP-like sizes (5 or 6 images each for the defaults).
    int[] labels = new int[images];
    Arrays.setAll(labels, i -> i % classes);
    BatchSamplerConfig config =
        BatchSamplerConfig.builder()
            .setSeed(seed)
            .setIterations(iterations)
            .optClassesPerBatch(classesPerBatch)
            .optImagesPerClass(imagesPerClass)
            .build();
    ClassBalancedSampler sampler = new ClassBalancedSampler(config, labels);
    int indices = Math.multiplyExact(iterations, config.batchSize());

    long bestWrite = Long.MAX_VALUE;
    long bestRead = Long.MAX_VALUE;
    long bestBaseline = Long.MAX_VALUE;
    long sink = 0;
    byte[] bytes = new byte[0];
    BatchManifest manifest = null;
    for (int round = 0; round < repeats; round++) {
      long start = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BatchManifestWriter(sampler).write(out);
      bytes = out.toByteArray();
      bestWrite = Math.min(bestWrite, System.nanoTime() - start);

      start = System.nanoTime();
      manifest = BatchManifest.read(new ByteArrayInputStream(bytes));
      bestRead = Math.min(bestRead, System.nanoTime() - start);

      start = System.nanoTime();
      sink += fillWithDraws(indices, images, seed + round);
      bestBaseline = Math.min(bestBaseline, System.nanoTime() - start);
    }

    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "manifest: %d iterations x %d classes x %d images over %d images in %d classes,"
            + " best of %d%n",
        iterations, classesPerBatch, imagesPerClass, images, classes, repeats);
    out.printf(
        "  size              %,d bytes (%,d indices, %.2f bytes each with header and checksum)%n",
        bytes.length, indices, (double) bytes.length / Math.max(indices, 1));
    out.printf(
        "  generate+write    %8.2f ms  %6.2fx baseline%n",
        bestWrite / 1e6, (double) bestWrite / bestBaseline);
    out.printf(
        "  read+verify       %8.2f ms  %6.2fx baseline%n",
        bestRead / 1e6, (double) bestRead / bestBaseline);
    out.printf(
        "  baseline          %8.2f ms  (int[%,d] filled with SplitMix64.nextInt; sample %d)%n",
        bestBaseline / 1e6, indices, sink % images);
    boolean equal = true;
    for (int t = 0; t < iterations && manifest != null; t++) {
      equal &= Arrays.equals(sampler.batch(t), manifest.batch(t));
    }
    out.println("  round trip        " + (equal ? "every batch equal" : "MISMATCH"));
    return equal ? 0 : 1;
  }

  /** The baseline: as many bounded random ints as the manifest holds, into a plain array. */
  private static long fillWithDraws(int count, int bound, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = rng.nextInt(bound);
    }
    return values[count / 2];
  }
}
