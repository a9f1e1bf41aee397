package org.rll.core.checkpoint;

import java.util.Locale;
import java.util.OptionalLong;
import org.rll.core.storage.BlobKeys;

/**
 * Where a run's checkpoints live: {@code <run prefix>checkpoints/<iteration, 12 digits>/<file>}.
 * The zero padding makes the store's sorted listing the iteration order.
 */
final class CheckpointKeys {
  static final String PARAMETERS = "parameters.ndlist";
  static final String OPTIMIZER = "optimizer.bin";
  static final String META = "meta.json";

  private final String root;

  CheckpointKeys(String runPrefix) {
    this.root = BlobKeys.checkPrefix(runPrefix) + "checkpoints/";
  }

  String root() {
    return root;
  }

  String file(long iteration, String name) {
    return BlobKeys.check(root + String.format(Locale.ROOT, "%012d/", iteration) + name);
  }

  /** The iteration of a {@code meta.json} key under this root, if {@code key} is one. */
  OptionalLong metaIteration(String key) {
    if (!key.startsWith(root) || !key.endsWith("/" + META)) {
      return OptionalLong.empty();
    }
    String digits = key.substring(root.length(), key.length() - META.length() - 1);
    return digits.matches("\\d{12}")
        ? OptionalLong.of(Long.parseLong(digits))
        : OptionalLong.empty();
  }
}
