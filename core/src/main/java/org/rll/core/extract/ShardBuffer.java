package org.rll.core.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rll.core.dataset.format.Csv;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;

/** The rows of one shard, gathered batch by batch, then written as its files and marker. */
final class ShardBuffer {
  /** The header of the per-shard images CSV. */
  static final List<String> IMAGES_HEADER = List.of("image_key", "class_id");

  private final ExtractionPlan plan;
  private final int shard;
  private final int rows;
  private final int[] dims;
  private final float[][] values;
  private int filled;

  ShardBuffer(ExtractionPlan plan, int shard, int[] dims) {
    this.plan = plan;
    this.shard = shard;
    this.rows = plan.shardRows(shard);
    this.dims = dims.clone();
    this.values = new float[dims.length][];
    for (int o = 0; o < dims.length; o++) {
      values[o] = new float[Math.multiplyExact(rows, dims[o])];
    }
  }

  /** Appends one batch of {@code batchRows} rows: one row-major matrix per output. */
  void add(float[][] batch, int batchRows) {
    ValidationException.check(
        filled + batchRows <= rows,
        "shard %d: a batch of %d rows overflows the shard's %d rows",
        shard,
        batchRows,
        rows);
    for (int o = 0; o < dims.length; o++) {
      System.arraycopy(batch[o], 0, values[o], filled * dims[o], batchRows * dims[o]);
    }
    filled += batchRows;
  }

  /** Rows gathered so far. */
  int filled() {
    return filled;
  }

  boolean isFull() {
    return filled == rows;
  }

  /**
   * Writes every output's npy file and the images CSV, then the marker; returns the shard's entry.
   */
  ShardEntry write(
      BlobStore store,
      EmbeddingKeys keys,
      List<EmbeddingIndex.OutputDim> outputs,
      List<String> imageKeys,
      int[] labels) {
    List<PutResult> files = new ArrayList<>(dims.length);
    for (int o = 0; o < dims.length; o++) {
      String key = keys.head(plan.outputNames().get(o), shard);
      files.add(store.put(key, Npy.encode(values[o], rows, dims[o])));
    }
    StringBuilder csv = new StringBuilder(Csv.row(IMAGES_HEADER.toArray()));
    int start = plan.shardStart(shard);
    for (int i = start; i < start + rows; i++) {
      csv.append(Csv.row(imageKeys.get(i), labels[i]));
    }
    PutResult images =
        store.put(keys.images(shard), csv.toString().getBytes(StandardCharsets.UTF_8));
    ShardEntry entry = new ShardEntry(shard, rows, images, files);
    store.put(
        keys.marker(shard), IndexJson.toBytes(new IndexJson.ShardMarker(plan, outputs, entry)));
    return entry;
  }
}
