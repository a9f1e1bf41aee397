package org.rll.cli.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order a sweep runs its settings in: by the first axis's values, then the second's, and so on,
 * each axis's values in the order its spec lists them ({@code "axes": [{"path": ..., "values":
 * [...]}]}). A value the spec does not list comes after those it lists: numbers by size, then
 * anything else by its JSON text.
 */
final class SettingOrder {

  private SettingOrder() {}

  /** Compares axis values, given in the order of {@code axes}, as the sweep of {@code specJson}. */
  static Comparator<List<JsonElement>> of(String specJson, List<String> axes) {
    Map<String, JsonArray> listed = listedValues(specJson);
    Comparator<List<JsonElement>> order = (a, b) -> 0;
    for (int i = 0; i < axes.size(); i++) {
      int axis = i;
      JsonArray values = listed.getOrDefault(axes.get(axis), new JsonArray());
      order =
          order
              .thenComparingInt((List<JsonElement> setting) -> rank(values, setting.get(axis)))
              .thenComparing(setting -> setting.get(axis), SettingOrder::natural);
    }
    return order;
  }

  private static int rank(JsonArray listed, JsonElement value) {
    int index = listed.asList().indexOf(value);
    return index < 0 ? listed.size() : index;
  }

  private static int natural(JsonElement a, JsonElement b) {
    boolean aNumber = isNumber(a);
    boolean bNumber = isNumber(b);
    if (aNumber && bNumber) {
      return Double.compare(a.getAsDouble(), b.getAsDouble());
    }
    return aNumber != bNumber ? (aNumber ? -1 : 1) : a.toString().compareTo(b.toString());
  }

  private static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  /** The values each axis path lists in the spec; none for a spec not shaped like a sweep's. */
  private static Map<String, JsonArray> listedValues(String specJson) {
    Map<String, JsonArray> listed = new HashMap<>();
    try {
      JsonElement spec = JsonParser.parseString(specJson);
      JsonElement axes = spec.isJsonObject() ? spec.getAsJsonObject().get("axes") : null;
      if (axes == null || !axes.isJsonArray()) {
        return listed;
      }
      for (JsonElement axis : axes.getAsJsonArray()) {
        if (axis.isJsonObject() && isAxis(axis.getAsJsonObject())) {
          JsonObject object = axis.getAsJsonObject();
          listed.put(object.get("path").getAsString(), object.getAsJsonArray("values"));
        }
      }
    } catch (JsonSyntaxException e) {
      return Map.of();
    }
    return listed;
  }

  private static boolean isAxis(JsonObject axis) {
    return axis.has("path")
        && axis.get("path").isJsonPrimitive()
        && axis.has("values")
        && axis.get("values").isJsonArray();
  }
}
