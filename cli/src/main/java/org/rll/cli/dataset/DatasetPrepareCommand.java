package org.rll.cli.dataset;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rll.cli.options.StoreOptions;
import org.rll.core.dataset.DatasetPreparation;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.archive.ExtractionLimits;
import org.rll.core.dataset.fetch.Checksum;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.RetryPolicy;
import org.rll.core.dataset.fetch.SourceUris;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.dataset.prepare.ExcludedClass;
import org.rll.core.dataset.prepare.PreparedDataset;
import org.rll.core.storage.BlobStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rll dataset prepare}: the prepare-dataset stage, run from the command line. */
@Command(
    name = "prepare",
    mixinStandardHelpOptions = true,
    description = "Fetches, verifies, extracts and validates a dataset and writes its manifest.")
public final class DatasetPrepareCommand implements Callable<Integer> {
  @Option(
      names = "--source",
      required = true,
      description = "Archive or extracted directory: https://, s3://, file:// URI or a local path.")
  String source;

  @Option(
      names = "--format",
      required = true,
      description = "cub200, cars196, sop, fashion-mnist, mnist, image-folder or csv.")
  String format;

  @Option(names = "--checksum", description = "Pinned checksum: sha256:<hex> or md5:<hex>.")
  String checksum;

  @Option(
      names = "--train-classes",
      split = ",",
      description = "Class names to train on (folder and CSV formats); default: the paper's split.")
  List<String> trainClasses;

  @Option(names = "--min-images", description = "Smallest class kept (default: ${DEFAULT-VALUE}).")
  int minImages = 2;

  @Option(names = "--threads", description = "Image validation threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = {"--scratch-dir", "--scratch"},
      paramLabel = "<dir>",
      description =
          "Local room for downloads and extraction (default: ${DEFAULT-VALUE}; RLL_HOME moves"
              + " it).")
  Path scratch;

  @Mixin StoreOptions store;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DatasetSpec dataset = datasetSpec();
    BlobStore blobs = store.open();
    DatasetFetcher fetcher =
        new DatasetFetcher(store.sources(), scratch.resolve("spool"), RetryPolicy.defaults());
    DatasetPreparation preparation =
        new DatasetPreparation(fetcher, blobs, scratch, ExtractionLimits.DEFAULTS, threads);
    long start = System.nanoTime();
    PreparedDataset prepared = preparation.prepare(dataset, new DownloadProgress(out));
    print(out, blobs, prepared, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private DatasetSpec datasetSpec() {
    URI uri = SourceUris.parse(source);
    SplitRule split =
        trainClasses == null ? SplitRule.protocol() : SplitRule.trainClasses(trainClasses);
    return new DatasetSpec(
        uri,
        Optional.ofNullable(checksum).map(Checksum::parse),
        DatasetFormat.parse(format),
        split,
        minImages);
  }

  private static void print(PrintWriter out, BlobStore blobs, PreparedDataset dataset, double s) {
    out.printf(Locale.ROOT, "manifest: %s%n", blobs.describe(dataset.manifestKey()));
    out.printf(Locale.ROOT, "%-6s %8s %8s%n", "split", "images", "classes");
    for (Split split : Split.values()) {
      out.printf(
          Locale.ROOT,
          "%-6s %8d %8d%n",
          split.label(),
          dataset.counts(split).images(),
          dataset.counts(split).classes());
    }
    out.printf(Locale.ROOT, "rejected images: %d%n", dataset.rejectedImages());
    for (ExcludedClass excluded : dataset.excludedClasses()) {
      out.printf(
          Locale.ROOT,
          "excluded class %d (%s): %s%n",
          excluded.classId(),
          excluded.className(),
          excluded.reason());
    }
    out.printf(Locale.ROOT, "took %.1f s%n", s);
  }
}
