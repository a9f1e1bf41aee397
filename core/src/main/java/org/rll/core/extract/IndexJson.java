package org.rll.core.extract;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.RllException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;

/** The JSON of {@code index.json} and of the shard markers. */
final class IndexJson {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** The marker of one complete shard, with the plan and output dims it was written under. */
  record ShardMarker(
      ExtractionPlan plan, List<EmbeddingIndex.OutputDim> outputs, ShardEntry shard) {
    ShardMarker {
      ValidationException.check(
          plan != null && outputs != null && shard != null, "marker needs plan, outputs, shard");
      outputs = List.copyOf(outputs);
    }
  }

  private IndexJson() {}

  static byte[] toBytes(Object value) {
    return GSON.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads the JSON blob at {@code key} as a {@code type}.
   *
   * @throws CorruptDataException naming the key when it is not valid JSON of that type
   */
  static <T> T read(BlobStore store, String key, Class<T> type) {
    String text = new String(store.readAllBytes(key), StandardCharsets.UTF_8);
    T value;
    try {
      value = GSON.fromJson(text, type);
    } catch (JsonParseException | RllException e) {
      throw new CorruptDataException(store.describe(key) + ": invalid: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Gson wraps a failing record constructor (a validation) in a plain RuntimeException.
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CorruptDataException(store.describe(key) + ": invalid: " + cause.getMessage(), e);
    }
    if (value == null) {
      throw new CorruptDataException(store.describe(key) + ": empty JSON");
    }
    return value;
  }
}
