package org.rll.activities.resolve;

import java.io.ByteArrayInputStream;
import java.util.stream.IntStream;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.DatasetManifest;
import org.rll.core.dataset.prepare.SplitImages;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.BlobImageSource;
import org.rll.core.image.ImageBatch;
import org.rll.core.image.ImageSource;
import org.rll.core.storage.BlobStore;
import org.rll.workflows.stages.DatasetRef;

/**
 * A prepared dataset's splits, read back from the store for a stage.
 *
 * @param train the training images and their dense labels
 * @param test the test images and their dense labels
 * @param images where their pixels are read from
 */
public record RunData(SplitImages train, SplitImages test, ImageSource images) {
  /** The manifest's file name under a prepared dataset's prefix. */
  public static final String MANIFEST = "manifest.csv";

  /** The splits of {@code dataset}; a missing manifest is a {@link BlobNotFoundException}. */
  public static RunData read(BlobStore store, DatasetRef dataset) {
    String key = dataset.manifestPrefix() + MANIFEST;
    if (!store.exists(key)) {
      throw new BlobNotFoundException(key, "the prepared dataset's manifest " + key + " is gone");
    }
    DatasetManifest manifest =
        DatasetManifest.read(new ByteArrayInputStream(store.readAllBytes(key)));
    return new RunData(
        SplitImages.of(manifest, Split.TRAIN, 0),
        SplitImages.of(manifest, Split.TEST, 0),
        new BlobImageSource(store));
  }

  /** The first {@code count} test images, preprocessed as {@code settings}' test transform does. */
  public ImageBatch firstTestImages(RunSettings settings, int count) {
    int n = Math.min(count, test.size());
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(test.keys())
            .setSource(images)
            .setTransform(settings.testTransform())
            .setSeed(settings.seed())
            .setBatches(b -> IntStream.range(0, n).toArray())
            .setIterations(0, 1)
            .build()) {
      return loader.next();
    }
  }
}
