package org.rll.core.dataset.fetch;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;

/**
 * The cache index of fetched archives: one small JSON blob per source and pin, recording where the
 * archive went. An entry counts only while its archive blob is still there with the recorded size;
 * an unreadable entry counts as absent and is overwritten by the next fetch.
 */
final class FetchIndex {
  private static final Gson GSON = new Gson();

  /** The JSON form of an entry. */
  record Entry(String key, String sha256, long size, String uri) {}

  private final BlobStore store;

  FetchIndex(BlobStore store) {
    this.store = store;
  }

  /** The archive recorded under {@code indexKey} for {@code uri}, if it is still stored. */
  Optional<FetchResult> lookup(String indexKey, URI uri) {
    if (!store.exists(indexKey)) {
      return Optional.empty();
    }
    Optional<FetchResult> recorded = parse(store.readAllBytes(indexKey), uri);
    return recorded.filter(r -> store.size(r.key()).equals(OptionalLong.of(r.size())));
  }

  /** Records that {@code uri} was fetched as {@code result}. */
  void record(String indexKey, URI uri, FetchResult result) {
    Entry entry = new Entry(result.key(), result.sha256(), result.size(), SourceUris.display(uri));
    store.put(indexKey, GSON.toJson(entry).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<FetchResult> parse(byte[] json, URI uri) {
    try {
      Entry entry = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Entry.class);
      if (entry == null || !SourceUris.display(uri).equals(entry.uri())) {
        return Optional.empty();
      }
      return Optional.of(new FetchResult(entry.key(), entry.sha256(), entry.size(), true));
    } catch (JsonParseException | ValidationException e) {
      return Optional.empty();
    }
  }
}
