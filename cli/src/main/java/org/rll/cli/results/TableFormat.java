package org.rll.cli.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The results as aligned text columns: names left-aligned, numbers right-aligned, two spaces
 * between columns, {@code -} for a missing value.
 */
final class TableFormat {

  /** Columns of the results table before this index hold names; the rest hold numbers. */
  private static final int FIRST_NUMBER_COLUMN = 4;

  private TableFormat() {}

  static String write(ResultsTable table) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(table.header());
    for (ResultsRow row : table.rows()) {
      lines.add(table.cells(row, ResultsFormat::percent, "-"));
    }
    return align(lines, FIRST_NUMBER_COLUMN);
  }

  /**
   * {@code lines} (the header first) as aligned columns: those before {@code firstNumberColumn}
   * left-aligned, the rest right-aligned.
   */
  static String align(List<List<String>> lines, int firstNumberColumn) {
    int[] widths = new int[lines.get(0).size()];
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
        text.append(i < firstNumberColumn ? cell + padding : padding + cell);
      }
      text.append('\n');
    }
    return text.toString();
  }
}
