package org.rll.core.extract;

import java.util.Locale;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobKeys;

/**
 * Where a gallery's embeddings live under a prefix such as {@code runs/r1/}: {@code
 * <prefix>embeddings/index.json}, per shard {@code <head key>/shard-00000.npy} for each output,
 * {@code images-00000.csv} (image key and class id of each row) and {@code shard-00000.json}, the
 * shard's completion marker, written after its files.
 */
public final class EmbeddingKeys {
  private final String root;

  /** The keys under {@code prefix}: empty or ending in '/'. */
  public EmbeddingKeys(String prefix) {
    BlobKeys.checkPrefix(prefix);
    ValidationException.check(
        prefix.isEmpty() || prefix.endsWith("/"),
        "embeddings prefix must be empty or end in '/', got '%s'",
        prefix);
    this.root = prefix + "embeddings/";
  }

  /**
   * The key of an output's name: the name without commas, such as {@code LMH} for {@code L,M,H}.
   */
  public static String headKey(String outputName) {
    ValidationException.check(
        outputName != null && outputName.matches("[A-Za-z0-9_,-]+") && !outputName.equals(","),
        "output name must be letters, digits, '_', '-' and commas, got '%s'",
        outputName);
    return outputName.replace(",", "");
  }

  /** The index, written last. */
  public String index() {
    return root + "index.json";
  }

  /** The rows of one output in one shard. */
  public String head(String outputName, int shard) {
    return BlobKeys.check(root + headKey(outputName) + "/" + shardName(shard) + ".npy");
  }

  /** The image keys and class ids of one shard's rows. */
  public String images(int shard) {
    return root + String.format(Locale.ROOT, "images-%05d.csv", shard);
  }

  /** The marker that says one shard is complete. */
  public String marker(int shard) {
    return root + shardName(shard) + ".json";
  }

  private static String shardName(int shard) {
    return String.format(Locale.ROOT, "shard-%05d", shard);
  }
}
