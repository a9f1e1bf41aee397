package org.rll.core.dataset.prepare;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.DatasetListing;
import org.rll.core.dataset.format.LabeledEntry;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.storage.BlobStore;

/**
 * Prepares an extracted dataset in a {@link BlobStore}: reads its label files, splits it, decodes
 * every image once (in parallel, results in listing order), leaves out bad images and classes with
 * too few images, copies the rest, and writes the reports and the manifest, last.
 *
 * <p>Idempotent: when the manifest exists the recorded result is returned and nothing is redone.
 */
public final class DatasetPreparer {
  private final BlobStore store;
  private final PrepareConfig config;

  public DatasetPreparer(BlobStore store, PrepareConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * Prepares the dataset under {@code extractedRoot} at {@code prefix}.
   *
   * @param prefix empty or ending in '/', such as {@code datasets/<sha256>/prepared/}
   * @throws org.rll.core.exceptions.ValidationException for a missing label file or a bad rule
   * @throws org.rll.core.exceptions.CorruptDataException for a malformed label file
   */
  public PreparedDataset prepare(
      Path extractedRoot, DatasetFormat format, SplitRule rule, String prefix) {
    Optional<PreparedDataset> done = find(prefix);
    if (done.isPresent()) {
      return done.get();
    }
    PreparedLayout layout = new PreparedLayout(prefix);
    DatasetListing listing = format.read(extractedRoot, rule);
    List<Rejection> rejections = new ArrayList<>();
    List<LabeledEntry> valid = format.isIdx() ? listing.entries() : validate(listing, rejections);
    ClassFilter.Filtered filtered = ClassFilter.apply(valid, config.minImagesPerClass());
    List<String> keys =
        format.isIdx()
            ? new IdxPacker(listing.baseDirectory()).pack(store, layout, filtered.kept())
            : ImageCopier.copy(
                store, layout, listing.baseDirectory(), filtered.kept(), config.decodeThreads());
    List<ManifestRow> rows = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      LabeledEntry entry = filtered.kept().get(i);
      rows.add(new ManifestRow(keys.get(i), entry.classId(), entry.className(), entry.split()));
    }
    DatasetManifest manifest = new DatasetManifest(rows);
    PreparedDataset result =
        new PreparedDataset(
            layout.manifest(), manifest.counts(), rejections.size(), filtered.excluded());
    store.put(layout.rejected(), ReportFiles.rejectedCsv(rejections));
    store.put(layout.excluded(), ReportFiles.excludedCsv(filtered.excluded()));
    store.put(layout.summary(), SummaryJson.of(format, rule, result));
    store.put(layout.manifest(), manifest.toCsvBytes());
    return result;
  }

  private List<LabeledEntry> validate(DatasetListing listing, List<Rejection> rejections) {
    List<LabeledEntry> entries = listing.entries();
    List<Optional<String>> problems =
        Parallel.map(
            entries.size(),
            config.decodeThreads(),
            i -> ImageCheck.problem(listing.baseDirectory().resolve(entries.get(i).path())));
    List<LabeledEntry> valid = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      if (problems.get(i).isPresent()) {
        rejections.add(new Rejection(entries.get(i).path(), problems.get(i).get()));
      } else {
        valid.add(entries.get(i));
      }
    }
    return valid;
  }

  /** The dataset prepared under {@code prefix} before, if its manifest exists. */
  public Optional<PreparedDataset> find(String prefix) {
    PreparedLayout layout = new PreparedLayout(prefix);
    return store.exists(layout.manifest()) ? Optional.of(recorded(layout)) : Optional.empty();
  }

  private PreparedDataset recorded(PreparedLayout layout) {
    DatasetManifest manifest =
        DatasetManifest.read(new ByteArrayInputStream(store.readAllBytes(layout.manifest())));
    return new PreparedDataset(
        layout.manifest(),
        manifest.counts(),
        ReportFiles.readRejected(store.readAllBytes(layout.rejected())).size(),
        ReportFiles.readExcluded(store.readAllBytes(layout.excluded())));
  }
}
