package org.rll.cli.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The results as aligned text columns: names left-aligned, numbers right-aligned, two spaces
 * between columns, {@code -} for a missing value.
 */
final class TableFormat {

  /** Columns before this index hold names; the rest hold numbers. */
  private static final int FIRST_NUMBER_COLUMN = 4;

  private TableFormat() {}

  static String write(ResultsTable table) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(table.header());
    for (ResultsRow row : table.rows()) {
      lines.add(table.cells(row, ResultsFormat::percent, "-"));
    }
    int[] widths = new int[table.header().size()];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        String cell = line.get(i);
        String padding = " ".repeat(widths[i] - cell.length());
        text.append(i == 0 ? "" : "  ");
        text.append(i < FIRST_NUMBER_COLUMN ? cell + padding : padding + cell);
      }
      text.append('\n');
    }
    return text.toString();
  }
}
