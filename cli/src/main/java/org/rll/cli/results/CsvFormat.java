package org.rll.cli.results;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The results as RFC 4180 CSV with {@code \n} line ends: a header row, then one row per result;
 * fields with a comma, quote or line break (such as the head {@code L,M,H}) are quoted. A missing
 * value is an empty field.
 */
final class CsvFormat {

  private CsvFormat() {}

  static String write(ResultsTable table) {
    return write(
        table.header(),
        table.rows().stream().map(row -> table.cells(row, ResultsFormat::plain, "")).toList());
  }

  /** The header row, then one row per entry of {@code rows}. */
  static String write(List<String> header, List<List<String>> rows) {
    StringBuilder text = new StringBuilder(line(header));
    rows.forEach(row -> text.append(line(row)));
    return text.toString();
  }

  private static String line(List<String> fields) {
    return fields.stream().map(CsvFormat::field).collect(Collectors.joining(",", "", "\n"));
  }

  private static String field(String value) {
    if (value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
