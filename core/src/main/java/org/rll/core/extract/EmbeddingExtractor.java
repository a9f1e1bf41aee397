package org.rll.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.rll.core.dataset.format.Csv;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.prepare.DatasetManifest;
import org.rll.core.embed.Embedder;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.image.BatchLoader;
import org.rll.core.image.ImageBatch;
import org.rll.core.image.ImageSource;
import org.rll.core.image.ImageTransformConfig;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.Sha256Counter;

/**
 * Embeds a gallery (a test split) in batches and writes each output's rows as float32 {@code .npy}
 * shards, laid out as {@link EmbeddingKeys} says, then the {@link EmbeddingIndex} last.
 *
 * <p>Memory is one shard's rows per output, whatever the gallery's size. Shards are deterministic
 * (test preprocessing, fixed batch boundaries), so a rerun keeps every complete shard (marker
 * present, files of the recorded sizes), restarts at the first incomplete one and ends with the
 * same bytes as an uninterrupted run; a rerun after the index is written does nothing.
 */
public final class EmbeddingExtractor {
  private final BlobStore store;
  private final List<String> imageKeys;
  private final int[] labels;
  private final ImageSource source;
  private final ImageTransformConfig transform;
  private final Embedder embedder;
  private final EmbeddingKeys keys;
  private final int threads;
  private final ExtractionProgress progress;
  private final ExtractionPlan plan;

  private EmbeddingExtractor(Builder b) {
    ValidationException.check(b.store != null, "store must be set");
    ValidationException.check(b.imageKeys != null && b.labels != null, "images must be set");
    ValidationException.check(
        b.imageKeys.size() == b.labels.length,
        "%d image keys but %d labels",
        b.imageKeys.size(),
        b.labels.length);
    ValidationException.check(b.source != null, "source must be set");
    ValidationException.check(b.transform != null, "transform must be set");
    ValidationException.check(
        !b.transform.randomCrop() && !b.transform.flip(),
        "extraction needs the test transform (centre crop, no flip), got %s",
        b.transform);
    ValidationException.check(b.embedder != null, "embedder must be set");
    ValidationException.check(b.prefix != null, "prefix must be set");
    ValidationException.check(b.threads > 0, "threads must be positive, got %d", b.threads);
    ValidationException.check(b.progress != null, "progress must not be null");
    this.store = b.store;
    this.imageKeys = List.copyOf(b.imageKeys);
    this.labels = b.labels.clone();
    this.source = b.source;
    this.transform = b.transform;
    this.embedder = b.embedder;
    this.keys = new EmbeddingKeys(b.prefix);
    this.threads = b.threads;
    this.progress = b.progress;
    this.plan =
        new ExtractionPlan(
            b.identity,
            imageKeys.size(),
            b.batchSize,
            b.shardSize,
            gallerySha256(imageKeys, labels),
            embedder.outputNames());
  }

  /** A builder; store, images, source, transform, embedder and prefix are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings this extractor runs with. */
  public ExtractionPlan plan() {
    return plan;
  }

  /**
   * Writes the shards still missing, then the index, and returns the index.
   *
   * @throws ValidationException when the prefix holds an extraction with another plan
   */
  public EmbeddingIndex extract() {
    EarlierRun earlier = new EarlierRun(store, keys, plan);
    Optional<EmbeddingIndex> finished = earlier.index();
    if (finished.isPresent()) {
      progress.update(plan.imageCount(), plan.imageCount());
      return finished.get();
    }
    List<EmbeddingIndex.OutputDim> outputs = new ArrayList<>();
    List<ShardEntry> shards = new ArrayList<>(earlier.completeShards(outputs));
    progress.update(plan.shardStart(shards.size()), plan.imageCount());
    if (shards.size() < plan.shardCount()) {
      embedFrom(shards.size(), outputs, shards);
    }
    EmbeddingIndex index = new EmbeddingIndex(plan, outputs, shards);
    store.put(keys.index(), IndexJson.toBytes(index));
    return index;
  }

  /**
   * Embeds the shards from {@code firstShard} on, adding them to {@code shards}; fills {@code
   * outputs} from the first batch when it is empty.
   */
  private void embedFrom(
      int firstShard, List<EmbeddingIndex.OutputDim> outputs, List<ShardEntry> shards) {
    int n = plan.imageCount();
    int batchSize = plan.batchSize();
    int shard = firstShard;
    ShardBuffer buffer = null;
    try (BatchLoader loader =
        BatchLoader.builder()
            .setKeys(imageKeys)
            .setSource(source)
            .setTransform(transform)
            // The test transform draws nothing at random: the seed has no effect.
            .setSeed(0)
            .setBatches(
                b -> IntStream.range(b * batchSize, Math.min(n, (b + 1) * batchSize)).toArray())
            .setIterations(firstShard * plan.batchesPerShard(), plan.batchCount())
            .optThreads(threads)
            .build()) {
      while (loader.hasNext()) {
        ImageBatch batch = loader.next();
        float[][] rows = embedder.embed(batch.values(), batch.shape());
        if (outputs.isEmpty()) {
          outputs.addAll(BatchOutputs.dims(plan.outputNames(), rows, batch.size()));
        }
        BatchOutputs.check(rows, batch, outputs);
        if (buffer == null) {
          buffer =
              new ShardBuffer(
                  plan, shard, outputs.stream().mapToInt(EmbeddingIndex.OutputDim::dim).toArray());
        }
        buffer.add(rows, batch.size());
        progress.update(plan.shardStart(shard) + buffer.filled(), n);
        if (buffer.isFull()) {
          shards.add(buffer.write(store, keys, outputs, imageKeys, labels));
          buffer = null;
          shard++;
        }
      }
    }
  }

  private static String gallerySha256(List<String> imageKeys, int[] labels) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      rows.append(Csv.row(imageKeys.get(i), labels[i]));
    }
    return Sha256Counter.hex(rows.toString());
  }

  /** Builds an {@link EmbeddingExtractor}. */
  public static final class Builder {
    private BlobStore store;
    private List<String> imageKeys;
    private int[] labels;
    private ImageSource source;
    private ImageTransformConfig transform;
    private Embedder embedder;
    private String prefix;
    private String identity = "";
    private int batchSize = 128;
    private int shardSize = 4096;
    private int threads = 1;
    private ExtractionProgress progress = ExtractionProgress.NONE;

    private Builder() {}

    /** Where the images are read from and the embeddings written to (required). */
    public Builder setStore(BlobStore store) {
      this.store = store;
      return this;
    }

    /** The gallery: the test split of {@code manifest} (this or {@link #setImages} required). */
    public Builder setManifest(DatasetManifest manifest) {
      return setImages(manifest.imageKeys(Split.TEST), manifest.classIds(Split.TEST));
    }

    /** The gallery: image keys and their class ids, parallel (this or a manifest required). */
    public Builder setImages(List<String> imageKeys, int[] labels) {
      this.imageKeys = imageKeys;
      this.labels = labels == null ? null : labels.clone();
      return this;
    }

    /** Where the images come from (required). */
    public Builder setSource(ImageSource source) {
      this.source = source;
      return this;
    }

    /** The test preprocessing: centre crop, no flip (required). */
    public Builder setTransform(ImageTransformConfig transform) {
      this.transform = transform;
      return this;
    }

    /** The model; the caller keeps and closes it (required). */
    public Builder setEmbedder(Embedder embedder) {
      this.embedder = embedder;
      return this;
    }

    /**
     * The prefix the {@code embeddings/} folder goes under, such as {@code runs/r1/} (required).
     */
    public Builder setPrefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** The embedder's identity, such as its model's SHA-256, kept in the index (default empty). */
    public Builder optIdentity(String identity) {
      this.identity = identity;
      return this;
    }

    /** Images per embedder call (default 128). */
    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Images per shard, a multiple of the batch size (default 4096). */
    public Builder optShardSize(int shardSize) {
      this.shardSize = shardSize;
      return this;
    }

    /** Image decode threads (default 1). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Told after every batch (default none). */
    public Builder optProgress(ExtractionProgress progress) {
      this.progress = progress;
      return this;
    }

    /** Validates the settings. */
    public EmbeddingExtractor build() {
      return new EmbeddingExtractor(this);
    }
  }
}
