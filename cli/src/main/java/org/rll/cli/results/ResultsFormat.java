package org.rll.cli.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code rll results} writes its table. */
public enum ResultsFormat {
  /** Aligned columns, metrics as percentages with one decimal, as in the paper's Table 1. */
  TABLE {
    @Override
    public String write(ResultsTable table) {
      return TableFormat.write(table);
    }

    @Override
    public String write(SweepTable table) {
      List<List<String>> lines = new ArrayList<>();
      lines.add(table.header());
      table.rows().forEach(row -> lines.add(table.cells(row)));
      return TableFormat.align(lines, table.firstNumberColumn());
    }
  },
  /** Comma-separated values with a header row; metrics as the stored fractions, unrounded. */
  CSV {
    @Override
    public String write(ResultsTable table) {
      return CsvFormat.write(table);
    }

    @Override
    public String write(SweepTable table) {
      return CsvFormat.write(
          table.splitHeader(),
          table.rows().stream()
              .map(row -> table.splitCells(row, ResultsFormat::plain, ""))
              .toList());
    }
  },
  /** A JSON array of one object per row; metrics as the stored fractions, unrounded. */
  JSON {
    @Override
    public String write(ResultsTable table) {
      return JsonFormat.write(table);
    }

    @Override
    public String write(SweepTable table) {
      return JsonFormat.write(table);
    }
  };

  /** The whole table, ending with a line break. */
  public abstract String write(ResultsTable table);

  /**
   * A sweep's table, ending with a line break: {@code mean ± std} cells in the table format,
   * separate {@code <metric>_mean} and {@code <metric>_std} columns in csv and json.
   */
  public abstract String write(SweepTable table);

  /** A fraction as a percentage with one decimal: 0.6247 is {@code 62.5}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f", 100 * fraction);
  }

  /** A fraction in plain decimal notation, all its digits: 1e-5 is {@code 0.000010}. */
  static String plain(double fraction) {
    return BigDecimal.valueOf(fraction).toPlainString();
  }
}
