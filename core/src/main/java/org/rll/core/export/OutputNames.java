package org.rll.core.export;

import java.util.List;

/**
 * How exported models name their outputs: {@code embedding_H} for head H, {@code embedding_L_M_H}
 * for the concatenation of L, M and H; their labels are {@code H} and {@code L,M,H}.
 */
final class OutputNames {
  private static final String PREFIX = "embedding_";

  private OutputNames() {}

  /** The output holding the (concatenated) embeddings of {@code levels}. */
  static String of(List<String> levels) {
    return PREFIX + String.join("_", levels);
  }

  /** The label of an output: its levels joined by commas, or the name itself if not ours. */
  static String label(String output) {
    return output.startsWith(PREFIX) ? output.substring(PREFIX.length()).replace('_', ',') : output;
  }
}
