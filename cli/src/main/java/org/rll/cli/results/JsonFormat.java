package org.rll.cli.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.OptionalDouble;

/**
 * The results as a JSON array with one object per row: {@code run}, {@code dataset} (null when
 * unknown), {@code head}, {@code iteration}, {@code recall} (an object from K to value), {@code
 * nmi} and {@code map_at_r} (null when not evaluated); a sweep's results as described at {@link
 * #write(SweepTable)}. Numbers are JSON numbers.
 */
final class JsonFormat {

  private JsonFormat() {}

  static String write(ResultsTable table) {
    JsonArray rows = new JsonArray();
    for (ResultsRow row : table.rows()) {
      JsonObject object = new JsonObject();
      object.addProperty("run", row.runId());
      object.addProperty("dataset", row.dataset());
      object.addProperty("loss", row.loss());
      object.addProperty("head", row.head());
      object.addProperty("iteration", row.iteration());
      JsonObject recall = new JsonObject();
      row.recall().forEach((k, value) -> recall.addProperty(Integer.toString(k), value));
      object.add("recall", recall);
      object.add(ResultsTable.NMI, number(row.nmi()));
      object.add(ResultsTable.MAP_AT_R, number(row.mapAtR()));
      rows.add(object);
    }
    return print(rows);
  }

  /**
   * A sweep's table as a JSON array with one object per row: each axis path with the setting's
   * value as stored, {@code head}, {@code n}, then {@code <metric>_mean} and {@code <metric>_std}
   * for each metric (null when missing, and the std when n < 2).
   */
  static String write(SweepTable table) {
    JsonArray rows = new JsonArray();
    for (SettingRow row : table.rows()) {
      JsonObject object = new JsonObject();
      for (int axis = 0; axis < table.axes().size(); axis++) {
        object.add(table.axes().get(axis), row.values().get(axis));
      }
      object.addProperty("head", row.head());
      object.addProperty("n", row.n());
      for (String metric : table.metricColumns()) {
        SeedSummary summary = row.metrics().get(metric);
        object.add(
            SweepTable.mean(metric),
            summary == null ? JsonNull.INSTANCE : new JsonPrimitive(summary.mean()));
        object.add(
            SweepTable.std(metric), summary == null ? JsonNull.INSTANCE : number(summary.std()));
      }
      rows.add(object);
    }
    return print(rows);
  }

  private static String print(JsonArray rows) {
    return new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create()
            .toJson(rows)
        + "\n";
  }

  private static JsonElement number(OptionalDouble value) {
    return value.isPresent() ? new JsonPrimitive(value.getAsDouble()) : JsonNull.INSTANCE;
  }
}
