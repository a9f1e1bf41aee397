package org.rll.core.dataset.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Fixtures;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.format.SplitRule;
import org.rll.core.idx.IdxArray;
import org.rll.core.idx.IdxReader;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

class IdxPreparationTest {
  @TempDir Path data;
  @TempDir Path blobs;

  /** Writes an IDX pair of 1x2 images whose two pixels are {@code first + i} and {@code 200}. */
  private void writePair(String prefix, int first, byte[] labels) {
    byte[] pixels = new byte[labels.length * 2];
    for (int i = 0; i < labels.length; i++) {
      pixels[2 * i] = (byte) (first + i);
      pixels[2 * i + 1] = (byte) 200;
    }
    Fixtures.gzippedIdx(
        data.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {labels.length, 1, 2}, pixels);
    Fixtures.gzippedIdx(
        data.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {labels.length}, labels);
  }

  @Test
  void packsEachSplitIntoOneIdxBlobAcrossBothFiles() throws Exception {
    writePair("train", 10, new byte[] {0, 7, 0, 3});
    writePair("t10k", 50, new byte[] {7, 9, 3});
    BlobStore store = new FileSystemBlobStore(blobs);
    PreparedDataset result =
        new DatasetPreparer(store, new PrepareConfig(2, 2))
            .prepare(data, DatasetFormat.MNIST, SplitRule.protocol(), "m/");
    assertEquals(
        List.of(new ExcludedClass(9, "9", "1 valid image, fewer than the minimum 2")),
        result.excludedClasses());
    DatasetManifest manifest =
        DatasetManifest.read(new ByteArrayInputStream(store.readAllBytes(result.manifestKey())));
    assertEquals(
        List.of(
            "m/train-images.idx#0",
            "m/train-images.idx#1",
            "m/train-images.idx#2",
            "m/train-images.idx#3"),
        manifest.imageKeys(Split.TRAIN));
    assertArrayEquals(new int[] {0, 0, 3, 3}, manifest.classIds(Split.TRAIN));
    assertArrayEquals(new int[] {7, 7}, manifest.classIds(Split.TEST));
    assertArrayEquals(
        new byte[] {10, (byte) 200, 12, (byte) 200, 13, (byte) 200, 52, (byte) 200},
        idx(store, "m/train-images.idx").toBytes());
    IdxArray test = idx(store, "m/test-images.idx");
    assertArrayEquals(new int[] {2, 1, 2}, test.shape());
    assertArrayEquals(new byte[] {11, (byte) 200, 50, (byte) 200}, test.toBytes());
  }

  private static IdxArray idx(BlobStore store, String key) throws Exception {
    try (InputStream in = store.open(key)) {
      return IdxReader.read(in, key);
    }
  }
}
