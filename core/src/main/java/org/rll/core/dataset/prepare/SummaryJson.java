package org.rll.core.dataset.prepare;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.dataset.format.Split;
import org.rll.core.dataset.format.SplitRule;

/** The human-readable {@code summary.json} of a prepared dataset. */
final class SummaryJson {
  private SummaryJson() {}

  static byte[] of(DatasetFormat format, SplitRule rule, PreparedDataset result) {
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"format\": ").append(string(format.id())).append(",\n");
    json.append("  \"split_rule\": ").append(string(rule.describe())).append(",\n");
    json.append("  \"splits\": {");
    String separator = "\n";
    for (Split split : Split.values()) {
      SplitCounts counts = result.counts(split);
      json.append(separator)
          .append(
              String.format(
                  Locale.ROOT,
                  "    %s: {\"images\": %d, \"classes\": %d}",
                  string(split.label()),
                  counts.images(),
                  counts.classes()));
      separator = ",\n";
    }
    json.append("\n  },\n  \"excluded_classes\": [");
    separator = "\n";
    for (ExcludedClass excluded : result.excludedClasses()) {
      json.append(separator)
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"class_id\": %d, \"class_name\": %s, \"reason\": %s}",
                  excluded.classId(),
                  string(excluded.className()),
                  string(excluded.reason())));
      separator = ",\n";
    }
    json.append(result.excludedClasses().isEmpty() ? "]" : "\n  ]");
    json.append(",\n  \"rejected_images\": ").append(result.rejectedImages()).append("\n}\n");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string literal. */
  static String string(String value) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20) {
            literal.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }
}
