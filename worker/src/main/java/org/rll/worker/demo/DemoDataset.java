package org.rll.worker.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rll.core.dataset.DatasetPreparation;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.archive.ExtractionLimits;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.FetchProgress;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.RetryPolicy;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.idx.FashionMnist;
import org.rll.core.dataset.prepare.DatasetManifest;
import org.rll.core.dataset.prepare.PreparedDataset;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;

/**
 * The demo's data, through the real prepare-dataset stage: Fashion-MNIST's gzipped IDX files in a
 * local directory (the bundled test set copied out of the classpath, or Debian's package for the
 * full set) are prepared into the work directory's blob store, and the manifest is read back.
 * Preparing is keyed by the files' content, so a second run finds the manifest and reuses it.
 */
final class DemoDataset {
  private final DemoSettings settings;
  private final BlobStore store;
  private final PrintStream out;

  DemoDataset(DemoSettings settings, BlobStore store, PrintStream out) {
    this.settings = settings;
    this.store = store;
    this.out = out;
  }

  /**
   * The prepared dataset and its manifest, preparing it first when this store lacks it.
   *
   * @throws ValidationException when the full set is asked for but not installed
   */
  Prepared prepare() throws IOException {
    Optional<Path> full = FashionMnist.locateFullSet();
    Path source = settings.fullSet() ? requireFullSet(full) : bundledCopy();
    out.printf(Locale.ROOT, "data: %s%n", describeChoice(full.isPresent()));
    Path scratch = settings.workDir().resolve("scratch");
    DatasetFetcher fetcher =
        new DatasetFetcher(
            Sources.defaults(HttpSourceConfig.defaults()),
            scratch.resolve("spool"),
            RetryPolicy.defaults());
    DatasetPreparation preparation =
        new DatasetPreparation(fetcher, store, scratch, ExtractionLimits.DEFAULTS, 1);
    DatasetSpec spec = DatasetSpec.of(source.toUri(), DatasetFormat.FASHION_MNIST);
    long start = System.nanoTime();
    Set<String> before = Set.copyOf(store.list("datasets/"));
    PreparedDataset prepared = preparation.prepare(spec, FetchProgress.NONE);
    boolean reused = before.contains(prepared.manifestKey());
    out.printf(
        Locale.ROOT,
        "dataset: %s %s (train %d images, test %d images)%n",
        reused ? "reused" : String.format(Locale.ROOT, "prepared in %.1f s,", seconds(start)),
        store.describe(prepared.manifestKey()),
        prepared.counts(Split.TRAIN).images(),
        prepared.counts(Split.TEST).images());
    DatasetManifest manifest =
        DatasetManifest.read(new ByteArrayInputStream(store.readAllBytes(prepared.manifestKey())));
    return new Prepared(prepared.manifestKey(), manifest, reused);
  }

  private Path requireFullSet(Optional<Path> full) {
    ValidationException.check(
        full.isPresent(),
        "--full needs Debian's dataset-fashion-mnist package, which is not installed in %s",
        FashionMnist.DEBIAN_DIRECTORY);
    return full.get();
  }

  private Path bundledCopy() throws IOException {
    return FashionMnist.copyBundledTestSet(settings.workDir().resolve("source/fashion-mnist-t10k"));
  }

  private String describeChoice(boolean fullInstalled) {
    if (settings.fullSet()) {
      return "all 70,000 Fashion-MNIST images from " + FashionMnist.DEBIAN_DIRECTORY;
    }
    return "the bundled Fashion-MNIST test set, 10,000 images ("
        + (fullInstalled
            ? "--full uses all 70,000 from " + FashionMnist.DEBIAN_DIRECTORY
            : "--full needs Debian's dataset-fashion-mnist package for all 70,000")
        + ")";
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * A prepared dataset read back.
   *
   * @param manifestKey the blob key of its manifest, which names its content hash
   * @param manifest its rows
   * @param reused whether it had been prepared by an earlier run
   */
  record Prepared(String manifestKey, DatasetManifest manifest, boolean reused) {}
}
