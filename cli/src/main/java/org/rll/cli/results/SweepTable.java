package org.rll.cli.results;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.rll.core.exceptions.ValidationException.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.rll.db.ResultsRepository;
import org.rll.db.RunSelection;
import org.rll.db.SweepRow;
import org.rll.db.SweepRunRow;

/**
 * The results of a sweep: one row per setting and embedding head, each metric summarised as mean
 * and sample standard deviation over the setting's seeds, each seed's run at its latest evaluated
 * checkpoint. A run without results yet is left out of its setting's {@code n}; a setting none of
 * whose runs has results has no rows.
 *
 * <p>Rows come in the sweep's setting order ({@link SettingOrder}), heads within a setting as in
 * {@link ResultsTable}; {@link #sortedBy} orders them by a metric instead.
 *
 * @param axes the sweep's axis paths, in order
 * @param metricColumns the metric names: R@K for each K, NMI, MAP@R
 */
public record SweepTable(List<String> axes, List<String> metricColumns, List<SettingRow> rows) {

  /** A setting's hash, its value of each axis, and its child runs. */
  private record Setting(String hash, List<JsonElement> values, List<SweepRunRow> children) {}

  public SweepTable {
    axes = List.copyOf(axes);
    metricColumns = List.copyOf(metricColumns);
    rows = List.copyOf(rows);
  }

  /**
   * The table of sweep {@code sweepId} from {@code repository}; an unknown sweep is an error that
   * names it and the database at {@code address}.
   */
  public static SweepTable load(ResultsRepository repository, String sweepId, String address) {
    Optional<SweepRow> sweep = repository.sweep(sweepId);
    check(sweep.isPresent(), "no sweep '%s' in the %s", sweepId, address);
    List<SweepRunRow> children = repository.sweepRuns(sweepId);
    if (children.isEmpty()) {
      // An empty selection would select every run.
      return of(sweep.get(), children, ResultsTable.of(List.of(), List.of(), false));
    }
    RunSelection selection =
        new RunSelection(Optional.empty(), children.stream().map(SweepRunRow::runId).toList());
    ResultsTable results =
        ResultsTable.of(repository.runs(selection), repository.metrics(selection), false);
    return of(sweep.get(), children, results);
  }

  /** The table of {@code sweep} from its child runs and their latest evaluated checkpoints. */
  static SweepTable of(SweepRow sweep, List<SweepRunRow> children, ResultsTable results) {
    Map<String, List<ResultsRow>> byRun =
        results.rows().stream().collect(groupingBy(ResultsRow::runId));
    Map<String, List<SweepRunRow>> bySetting =
        children.stream()
            .collect(groupingBy(SweepRunRow::settingHash, LinkedHashMap::new, toList()));
    Comparator<List<JsonElement>> order = SettingOrder.of(sweep.specJson(), sweep.axes());
    List<Setting> settings =
        bySetting.entrySet().stream()
            .map(
                e ->
                    new Setting(
                        e.getKey(), values(sweep.axes(), e.getValue().get(0)), e.getValue()))
            .sorted(Comparator.comparing(Setting::values, order).thenComparing(Setting::hash))
            .toList();
    List<SettingRow> rows = new ArrayList<>();
    for (Setting setting : settings) {
      Map<String, List<ResultsRow>> byHead =
          setting.children().stream()
              .flatMap(child -> byRun.getOrDefault(child.runId(), List.of()).stream())
              .collect(
                  groupingBy(ResultsRow::head, () -> new TreeMap<>(ResultsTable.HEADS), toList()));
      byHead.forEach(
          (head, seeds) ->
              rows.add(
                  new SettingRow(
                      setting.hash(),
                      setting.values(),
                      head,
                      seeds.size(),
                      summaries(results.metricColumns(), seeds))));
    }
    return new SweepTable(sweep.axes(), results.metricColumns(), rows);
  }

  /**
   * The rows ordered by {@code metric}'s mean, highest first; rows without it last, ties in their
   * current order. {@code metric} is a column name in any case, such as {@code r@1} or {@code
   * MAP@R}.
   */
  SweepTable sortedBy(String metric) {
    String column =
        metricColumns.stream().filter(metric::equalsIgnoreCase).findFirst().orElse(null);
    check(
        column != null || rows.isEmpty(),
        "cannot sort by '%s': the sweep's metrics are %s",
        metric,
        String.join(", ", metricColumns));
    Comparator<SettingRow> byMean =
        Comparator.comparing(
            row -> row.metrics().get(column),
            Comparator.nullsLast(Comparator.comparingDouble(SeedSummary::mean).reversed()));
    return new SweepTable(axes, metricColumns, rows.stream().sorted(byMean).toList());
  }

  /** The column names of the table format: the axes, head, n, then each metric. */
  List<String> header() {
    List<String> names = leadingColumns();
    names.addAll(metricColumns);
    return names;
  }

  /** The column names of csv and json: the axes, head, n, then each metric's mean and std. */
  List<String> splitHeader() {
    List<String> names = leadingColumns();
    metricColumns.forEach(m -> names.addAll(List.of(mean(m), std(m))));
    return names;
  }

  /** The cells of {@code row} under {@link #header()}: percent {@code mean ± std}, or {@code -}. */
  List<String> cells(SettingRow row) {
    List<String> cells = leadingCells(row);
    for (String metric : metricColumns) {
      SeedSummary summary = row.metrics().get(metric);
      cells.add(summary == null ? "-" : meanStd(summary));
    }
    return cells;
  }

  /**
   * The cells of {@code row} under {@link #splitHeader()}, each number written by {@code number},
   * and {@code missing} for a metric or standard deviation the row lacks.
   */
  List<String> splitCells(SettingRow row, DoubleFunction<String> number, String missing) {
    List<String> cells = leadingCells(row);
    for (String metric : metricColumns) {
      SeedSummary summary = row.metrics().get(metric);
      cells.add(summary == null ? missing : number.apply(summary.mean()));
      cells.add(
          summary == null || summary.std().isEmpty()
              ? missing
              : number.apply(summary.std().getAsDouble()));
    }
    return cells;
  }

  /** The index of the first column that holds numbers: {@code n}. */
  int firstNumberColumn() {
    return axes.size() + 1;
  }

  /** {@code 62.5 ± 1.2} in percent; {@code 62.5 ± -} for one seed. */
  private static String meanStd(SeedSummary summary) {
    String std =
        summary.std().isPresent() ? ResultsFormat.percent(summary.std().getAsDouble()) : "-";
    return ResultsFormat.percent(summary.mean()) + " ± " + std;
  }

  static String mean(String metric) {
    return metric + "_mean";
  }

  static String std(String metric) {
    return metric + "_std";
  }

  private List<String> leadingColumns() {
    List<String> names = new ArrayList<>(axes);
    names.addAll(List.of("head", "n"));
    return names;
  }

  private List<String> leadingCells(SettingRow row) {
    List<String> cells = new ArrayList<>();
    for (int axis = 0; axis < axes.size(); axis++) {
      cells.add(row.valueText(axis));
    }
    cells.add(row.head());
    cells.add(Integer.toString(row.n()));
    return cells;
  }

  /** The value of each axis in a child's setting; JSON null where the setting lacks the axis. */
  private static List<JsonElement> values(List<String> axes, SweepRunRow child) {
    JsonObject setting = JsonParser.parseString(child.settingJson()).getAsJsonObject();
    return axes.stream()
        .map(axis -> Objects.requireNonNullElse(setting.get(axis), (JsonElement) JsonNull.INSTANCE))
        .toList();
  }

  private static Map<String, SeedSummary> summaries(List<String> columns, List<ResultsRow> seeds) {
    Map<String, SeedSummary> summaries = new LinkedHashMap<>();
    for (String column : columns) {
      double[] values =
          seeds.stream()
              .map(seed -> seed.metricsByColumn().get(column))
              .filter(Objects::nonNull)
              .mapToDouble(Double::doubleValue)
              .toArray();
      if (values.length > 0) {
        summaries.put(column, SeedSummary.of(values));
      }
    }
    return summaries;
  }
}
