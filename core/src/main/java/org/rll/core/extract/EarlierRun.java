package org.rll.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.PutResult;

/**
 * What an earlier extraction left under a prefix: its index when it finished, otherwise its leading
 * run of complete shards. A shard is complete when its marker exists and each file it lists has the
 * recorded size; puts are atomic, so a torn shard lacks a file or its marker.
 */
final class EarlierRun {
  private final BlobStore store;
  private final EmbeddingKeys keys;
  private final ExtractionPlan plan;

  EarlierRun(BlobStore store, EmbeddingKeys keys, ExtractionPlan plan) {
    this.store = store;
    this.keys = keys;
    this.plan = plan;
  }

  /**
   * The finished extraction's index, if there is one.
   *
   * @throws ValidationException when it was written with another plan
   */
  Optional<EmbeddingIndex> index() {
    if (!store.exists(keys.index())) {
      return Optional.empty();
    }
    EmbeddingIndex index = IndexJson.read(store, keys.index(), EmbeddingIndex.class);
    requirePlan(index.plan(), keys.index());
    return Optional.of(index);
  }

  /**
   * The complete shards from shard 0 up to the first incomplete one; {@code outputs} receives their
   * output dims, or stays empty when there are none.
   */
  List<ShardEntry> completeShards(List<EmbeddingIndex.OutputDim> outputs) {
    List<ShardEntry> shards = new ArrayList<>();
    for (int s = 0; s < plan.shardCount(); s++) {
      Optional<IndexJson.ShardMarker> marker = completeShard(s);
      if (marker.isEmpty()) {
        break;
      }
      if (!outputs.isEmpty() && !outputs.equals(marker.get().outputs())) {
        throw new CorruptDataException(
            store.describe(keys.marker(s)) + ": output dims differ from the earlier shards'");
      }
      if (outputs.isEmpty()) {
        outputs.addAll(marker.get().outputs());
      }
      shards.add(marker.get().shard());
    }
    return shards;
  }

  private Optional<IndexJson.ShardMarker> completeShard(int shard) {
    String key = keys.marker(shard);
    if (!store.exists(key)) {
      return Optional.empty();
    }
    IndexJson.ShardMarker marker = IndexJson.read(store, key, IndexJson.ShardMarker.class);
    requirePlan(marker.plan(), key);
    ShardEntry entry = marker.shard();
    boolean complete =
        entry.shard() == shard
            && entry.rows() == plan.shardRows(shard)
            && entry.outputs().size() == plan.outputNames().size()
            && entry.files().stream().allMatch(this::present);
    return complete ? Optional.of(marker) : Optional.empty();
  }

  private boolean present(PutResult file) {
    return store.size(file.key()).orElse(-1) == file.size();
  }

  private void requirePlan(ExtractionPlan found, String key) {
    ValidationException.check(
        plan.equals(found),
        "%s was written with other settings: %s; now %s. Extract to another prefix or delete it",
        store.describe(key),
        found,
        plan);
  }
}
