package org.rll.core.extract;

import java.util.List;
import org.rll.core.exceptions.ValidationException;

/**
 * The settings that decide every byte of an extraction: equal plans give equal shards, so a rerun
 * with an equal plan may keep the shards already written.
 *
 * @param identity the embedder's identity, such as the model's SHA-256; empty when not known
 * @param imageCount gallery images
 * @param batchSize images per embedder call
 * @param shardSize images per shard, a multiple of {@code batchSize}
 * @param gallerySha256 SHA-256 of the gallery's image keys and class ids
 * @param outputNames the embedder's outputs, in its order
 */
public record ExtractionPlan(
    String identity,
    int imageCount,
    int batchSize,
    int shardSize,
    String gallerySha256,
    List<String> outputNames) {

  public ExtractionPlan {
    ValidationException.check(identity != null, "identity must not be null (empty when unknown)");
    ValidationException.check(imageCount > 0, "gallery must not be empty, got %d", imageCount);
    ValidationException.check(batchSize > 0, "batch size must be positive, got %d", batchSize);
    ValidationException.check(
        shardSize > 0 && shardSize % batchSize == 0,
        "shard size must be a positive multiple of the batch size %d, got %d",
        batchSize,
        shardSize);
    ValidationException.check(
        gallerySha256 != null && gallerySha256.matches("[0-9a-f]{64}"),
        "gallery sha256 must be 64 lower-case hex digits, got '%s'",
        gallerySha256);
    outputNames = List.copyOf(outputNames);
    ValidationException.check(!outputNames.isEmpty(), "the embedder has no outputs");
    ValidationException.check(
        outputNames.stream().map(EmbeddingKeys::headKey).distinct().count() == outputNames.size(),
        "output names must have distinct keys (names without commas), got %s",
        outputNames);
  }

  /** The number of shards: the last one may be short. */
  public int shardCount() {
    return (imageCount + shardSize - 1) / shardSize;
  }

  /** The number of batches in a full shard. */
  public int batchesPerShard() {
    return shardSize / batchSize;
  }

  /** The number of batches: the last one may be short. */
  public int batchCount() {
    return (imageCount + batchSize - 1) / batchSize;
  }

  /** The gallery index of shard {@code shard}'s first image. */
  public int shardStart(int shard) {
    return shard * shardSize;
  }

  /** The number of images of shard {@code shard}. */
  public int shardRows(int shard) {
    return Math.min(shardSize, imageCount - shardStart(shard));
  }
}
