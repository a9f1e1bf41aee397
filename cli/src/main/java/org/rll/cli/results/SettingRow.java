package org.rll.cli.results;

import static org.rll.core.exceptions.ValidationException.check;

import com.google.gson.JsonElement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a sweep's results: one embedding head of one setting, summarised over the seeds whose
 * run has evaluated it.
 *
 * @param settingHash the hash that names the setting
 * @param values the setting's value of each axis, in the sweep's axis order
 * @param n the seeds with results for this head
 * @param metrics the summary of each metric that any of those seeds has, by column name ({@code
 *     R@1}, {@code NMI}, {@code MAP@R})
 */
public record SettingRow(
    String settingHash,
    List<JsonElement> values,
    String head,
    int n,
    Map<String, SeedSummary> metrics) {

  public SettingRow {
    check(
        settingHash != null && !settingHash.isBlank(),
        "setting hash must not be blank, got '%s'",
        settingHash);
    check(values != null, "setting %s: axis values must not be null", settingHash);
    check(
        head != null && !head.isBlank(),
        "setting %s: head must not be blank, got '%s'",
        settingHash,
        head);
    check(n >= 1, "setting %s head %s: n must be >= 1, got %s", settingHash, head, n);
    values = List.copyOf(values);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The value of axis number {@code axis} as a table shows it: strings without quotes. */
  String valueText(int axis) {
    JsonElement value = values.get(axis);
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? value.getAsString()
        : value.toString();
  }
}
