package org.rll.cli.ui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.rll.cli.results.SeedSummary;
import org.rll.cli.results.SettingRow;
import org.rll.cli.results.SweepTable;

/**
 * A sweep's table as the API gives it: the rows of {@code rll results --sweep}, each metric's mean
 * and sample standard deviation over seeds in percent points.
 */
final class SweepJson {
  private SweepJson() {}

  static ObjectNode of(ObjectMapper json, String sweepId, SweepTable table) {
    ObjectNode node = json.createObjectNode();
    node.put("sweepId", sweepId);
    table.axes().forEach(node.putArray("axes")::add);
    table.metricColumns().forEach(node.putArray("columns")::add);
    var rows = node.putArray("rows");
    for (SettingRow row : table.rows()) {
      ObjectNode out = rows.addObject();
      ObjectNode setting = out.putObject("setting");
      for (int axis = 0; axis < table.axes().size(); axis++) {
        setting.set(table.axes().get(axis), value(json, row.values().get(axis).toString()));
      }
      out.put("head", row.head());
      out.put("n", row.n());
      ObjectNode values = out.putObject("values");
      for (Map.Entry<String, SeedSummary> metric : row.metrics().entrySet()) {
        ObjectNode summary = values.putObject(metric.getKey());
        summary.put("mean", 100 * metric.getValue().mean());
        if (metric.getValue().std().isPresent()) {
          summary.put("std", 100 * metric.getValue().std().getAsDouble());
        } else {
          summary.putNull("std");
        }
      }
    }
    return node;
  }

  private static com.fasterxml.jackson.databind.JsonNode value(ObjectMapper json, String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a sweep setting value is not JSON: " + text, e);
    }
  }
}
