package org.rll.core.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rll.core.dataset.archive.ExtractionLimits;
import org.rll.core.dataset.archive.SafeExtractor;
import org.rll.core.dataset.fetch.Checksum;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.FetchProgress;
import org.rll.core.dataset.fetch.FetchResult;
import org.rll.core.dataset.fetch.PublishedChecksums;
import org.rll.core.dataset.prepare.DatasetPreparer;
import org.rll.core.dataset.prepare.PrepareConfig;
import org.rll.core.dataset.prepare.PreparedDataset;
import org.rll.core.exceptions.ExceptionText;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.LocalTrees;

/**
 * The "prepare dataset" stage: fetch the archive (cached by source and by content; pinned to the
 * spec's checksum, or else to the one its authors publish, see {@link PublishedChecksums}), extract
 * it safely into a scratch directory, read its labels, validate every image and write the dataset
 * manifest under {@code datasets/<archive sha256>/prepared-<preparation id>/}. A dataset prepared
 * before is found by its manifest and nothing is redone; the scratch directory is always removed.
 */
public final class DatasetPreparation {
  private final DatasetFetcher fetcher;
  private final BlobStore store;
  private final Path scratch;
  private final ExtractionLimits limits;
  private final int decodeThreads;

  public DatasetPreparation(
      DatasetFetcher fetcher,
      BlobStore store,
      Path scratch,
      ExtractionLimits limits,
      int decodeThreads) {
    this.fetcher = fetcher;
    this.store = store;
    this.scratch = scratch;
    this.limits = limits;
    this.decodeThreads = decodeThreads;
  }

  /** Prepares {@code spec}'s dataset, reporting download progress to {@code progress}. */
  public PreparedDataset prepare(DatasetSpec spec, FetchProgress progress) {
    DatasetPreparer preparer =
        new DatasetPreparer(store, new PrepareConfig(decodeThreads, spec.minImagesPerClass()));
    Optional<Path> directory = LocalDirectory.of(spec.source());
    String contentHash;
    if (directory.isPresent()) {
      ValidationException.check(
          spec.checksum().isEmpty(),
          "dataset source %s is a directory: a checksum pins an archive, and a directory is"
              + " identified by its content; drop the checksum or point at the archive",
          directory.get());
      contentHash = LocalDirectory.digest(directory.get());
    } else {
      Optional<Checksum> pin =
          spec.checksum().or(() -> PublishedChecksums.forSource(spec.source()));
      FetchResult archive = fetcher.fetch(spec.source(), pin, store, progress);
      contentHash = archive.sha256();
      String prefix = prefix(contentHash, spec);
      Optional<PreparedDataset> done = preparer.find(prefix);
      if (done.isPresent()) {
        return done.get();
      }
      return fromArchive(archive, spec, preparer, prefix);
    }
    return preparer.prepare(
        directory.get(), spec.format(), spec.split(), prefix(contentHash, spec));
  }

  private PreparedDataset fromArchive(
      FetchResult archive, DatasetSpec spec, DatasetPreparer preparer, String prefix) {
    Path work = null;
    try {
      Files.createDirectories(scratch);
      work = Files.createTempDirectory(scratch, "prepare-");
      String name = archive.key().substring(archive.key().lastIndexOf('/') + 1);
      Path local = work.resolve(name);
      try (InputStream in = store.open(archive.key())) {
        Files.copy(in, local);
      }
      Path extracted = work.resolve("extracted");
      SafeExtractor.extract(local, extracted, limits);
      Files.delete(local);
      return preparer.prepare(extracted, spec.format(), spec.split(), prefix);
    } catch (IOException e) {
      throw new TransientStorageException(
          "cannot stage "
              + store.describe(archive.key())
              + " in "
              + scratch
              + ": "
              + ExceptionText.describe(e),
          e);
    } finally {
      LocalTrees.delete(work);
    }
  }

  private static String prefix(String contentHash, DatasetSpec spec) {
    return "datasets/" + contentHash + "/prepared-" + spec.preparationId() + "/";
  }
}
