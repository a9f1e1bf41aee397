package org.rll.workflows.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** How a spec's JSON values are named in messages, and the check that every number is finite. */
final class JsonValues {
  private static final int SHOWN_CHARACTERS = 40;
  private static final BigDecimal LARGEST_DOUBLE = BigDecimal.valueOf(Double.MAX_VALUE);

  private JsonValues() {}

  /** {@code node} as a message names it: {@code the string "hot"}, {@code an array}, ... */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return describeText(node.textValue());
    }
    if (node.isNumber()) {
      return "the number " + node.numberValue();
    }
    if (node.isBoolean()) {
      return "the value " + node.booleanValue();
    }
    return node.isArray() ? "an array" : "an object";
  }

  /**
   * Refuses any number in {@code node} that no double can hold, and any {@code null} in an array;
   * {@code path} names the node.
   */
  static void requireSound(JsonNode node, String path) {
    if (node.isBigDecimal() && node.decimalValue().abs().compareTo(LARGEST_DOUBLE) > 0) {
      throw new InvalidSpecException(
          "spec field " + path + " must be a finite number, got " + node.decimalValue(), path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String element = path + "[" + i + "]";
        if (node.get(i).isNull()) {
          throw new InvalidSpecException("spec field " + element + " must not be null", element);
        }
        requireSound(node.get(i), element);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      requireSound(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
    }
  }

  private static String describeText(String text) {
    if (text.length() > SHOWN_CHARACTERS) {
      return String.format(Locale.ROOT, "a string of %,d characters", text.length());
    }
    return "the string \"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
  }
}
