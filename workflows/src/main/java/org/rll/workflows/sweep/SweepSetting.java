package org.rll.workflows.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One point of a sweep: the value each axis gives its field.
 *
 * @param overrides the value of each axis's field, by path
 */
public record SweepSetting(Map<String, JsonNode> overrides) {
  private static final int HASH_CHARACTERS = 10;

  public SweepSetting {
    overrides = Map.copyOf(overrides);
  }

  /**
   * The first 10 hex digits of the SHA-256 of {@link #describe()}: the same overrides give the same
   * hash in any order, on any machine, in any version of the sweep.
   */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARACTERS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * The overrides by path in order, as {@code loss.alpha=1.4, loss.type="triplet"}; a number is
   * written in its shortest plain form, so {@code 1}, {@code 1.0} and {@code 1.00} name one setting
   * however the JSON was read.
   */
  public String describe() {
    return new TreeMap<>(overrides)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + canonical(e.getValue()))
            .collect(Collectors.joining(", "));
  }

  private static String canonical(JsonNode value) {
    return value.isNumber()
        ? value.decimalValue().stripTrailingZeros().toPlainString()
        : value.toString();
  }
}
