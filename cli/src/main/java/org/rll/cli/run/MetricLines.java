package org.rll.cli.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rll.workflows.stages.MetricValue;

/** Metrics of one checkpoint as one line per head: {@code H R@1 90.6 NMI 47.8 MAP@R 38.3}. */
final class MetricLines {

  private MetricLines() {}

  static List<String> format(List<MetricValue> metrics) {
    Map<String, StringBuilder> heads = new LinkedHashMap<>();
    List<MetricValue> ordered = new ArrayList<>(metrics);
    ordered.sort(Comparator.comparingInt(MetricLines::rank).thenComparingInt(MetricValue::k));
    for (MetricValue m : ordered) {
      heads
          .computeIfAbsent(m.head(), h -> new StringBuilder(String.format(Locale.ROOT, "%-6s", h)))
          .append(String.format(Locale.ROOT, "  %s %.1f", label(m), 100 * m.value()));
    }
    List<String> lines = new ArrayList<>();
    heads.values().forEach(line -> lines.add(line.toString()));
    return lines;
  }

  private static int rank(MetricValue m) {
    return switch (m.metric()) {
      case "recall" -> 0;
      case "nmi" -> 1;
      case "map_at_r" -> 2;
      default -> 3;
    };
  }

  private static String label(MetricValue m) {
    return switch (m.metric()) {
      case "recall" -> "R@" + m.k();
      case "nmi" -> "NMI";
      case "map_at_r" -> "MAP@R";
      default -> m.k() == 0 ? m.metric() : m.metric() + "@" + m.k();
    };
  }
}
