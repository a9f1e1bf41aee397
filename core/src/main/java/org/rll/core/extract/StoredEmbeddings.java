package org.rll.core.extract;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rll.core.dataset.format.Csv;
import org.rll.core.dataset.format.LabelRecord;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;
import org.rll.core.storage.Sha256Counter;

/**
 * A finished extraction, read back: every file is checked against the size and SHA-256 the index
 * recorded before it is used.
 */
public final class StoredEmbeddings {
  private final BlobStore store;
  private final EmbeddingIndex index;

  private StoredEmbeddings(BlobStore store, EmbeddingIndex index) {
    this.store = store;
    this.index = index;
  }

  /**
   * Opens the extraction under {@code prefix}.
   *
   * @throws BlobNotFoundException when there is no index, as before an extraction has finished
   * @throws CorruptDataException naming the index when it cannot be parsed
   */
  public static StoredEmbeddings open(BlobStore store, String prefix) {
    String key = new EmbeddingKeys(prefix).index();
    if (!store.exists(key)) {
      throw new BlobNotFoundException(
          key,
          "no embeddings index at "
              + store.describe(key)
              + ": the extraction has not finished, or ran under another prefix");
    }
    return new StoredEmbeddings(store, IndexJson.read(store, key, EmbeddingIndex.class));
  }

  /** The index every file is checked against. */
  public EmbeddingIndex index() {
    return index;
  }

  /** The class id of every row, in gallery order. */
  public int[] labels() {
    return images().stream().mapToInt(r -> r.intField(1, "class_id")).toArray();
  }

  /** The image key of every row, in gallery order. */
  public List<String> imageKeys() {
    return images().stream().map(r -> r.field(0)).toList();
  }

  /**
   * Output {@code name}'s rows, {@code N x dim} row-major.
   *
   * @throws CorruptDataException naming the shard whose size, hash or shape is not the recorded one
   */
  public float[] output(String name) {
    int o = index.plan().outputNames().indexOf(name);
    int dim = index.dim(name);
    float[] values = new float[Math.multiplyExact(index.plan().imageCount(), dim)];
    int offset = 0;
    for (ShardEntry shard : index.shards()) {
      PutResult file = shard.outputs().get(o);
      Npy.Matrix matrix = Npy.decode(verified(file), store.describe(file.key()));
      if (matrix.rows() != shard.rows() || matrix.cols() != dim) {
        throw new CorruptDataException(
            String.format(
                Locale.ROOT,
                "%s: shape (%d, %d), the index says (%d, %d)",
                store.describe(file.key()),
                matrix.rows(),
                matrix.cols(),
                shard.rows(),
                dim));
      }
      System.arraycopy(matrix.values(), 0, values, offset, matrix.values().length);
      offset += matrix.values().length;
    }
    return values;
  }

  /** Output {@code name} as an {@code N x dim} float32 array owned by {@code manager}. */
  public NDArray output(String name, NDManager manager) {
    return manager.create(output(name), new Shape(index.plan().imageCount(), index.dim(name)));
  }

  private List<LabelRecord> images() {
    List<LabelRecord> rows = new ArrayList<>(index.plan().imageCount());
    for (ShardEntry shard : index.shards()) {
      String source = store.describe(shard.images().key());
      List<LabelRecord> records =
          Csv.read(
              new InputStreamReader(
                  new ByteArrayInputStream(verified(shard.images())), StandardCharsets.UTF_8),
              source,
              ShardBuffer.IMAGES_HEADER);
      if (records.size() != shard.rows()) {
        throw new CorruptDataException(
            source + ": " + records.size() + " rows, the index says " + shard.rows());
      }
      for (LabelRecord record : records) {
        rows.add(record.requireFields(2));
      }
    }
    return rows;
  }

  private byte[] verified(PutResult file) {
    byte[] bytes = store.readAllBytes(file.key());
    String sha256 = Sha256Counter.hex(bytes);
    if (bytes.length != file.size() || !sha256.equals(file.sha256())) {
      throw new CorruptDataException(
          String.format(
              Locale.ROOT,
              "%s: %d bytes with sha256 %s, the index recorded %d bytes with sha256 %s",
              store.describe(file.key()),
              bytes.length,
              sha256,
              file.size(),
              file.sha256()));
    }
    return bytes;
  }
}
