package org.rll.cli.results;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a sweep: one per axis, named after its path, with R@1 and MAP@R in percent against
 * the axis's values and error bars of one standard deviation over the seeds. A numeric axis is
 * drawn to scale; any other axis, such as {@code loss.type}, as categories in the sweep's order.
 * With several axes, each combination of the other axes' values is a series of its own. The plots
 * show head {@code L,M,H}, else the first head evaluated.
 */
final class SweepReport {

  private static final List<String> METRICS =
      List.of(ResultsTable.RECALL_COLUMN + 1, ResultsTable.MAP_AT_R_COLUMN);

  private SweepReport() {}

  /** The plots of sweep {@code sweepId} from its table; none when no setting has results. */
  static List<RunReport.Plot> of(String sweepId, SweepTable table) {
    Optional<String> head =
        table.rows().stream()
            .map(SettingRow::head)
            .min(
                Comparator.comparing((String h) -> !h.equals("L,M,H"))
                    .thenComparing(ResultsTable.HEADS));
    if (head.isEmpty()) {
      return List.of();
    }
    List<SettingRow> rows = table.rows().stream().filter(r -> r.head().equals(head.get())).toList();
    List<RunReport.Plot> plots = new ArrayList<>();
    for (int axis = 0; axis < table.axes().size(); axis++) {
      String path = table.axes().get(axis);
      XYChart chart =
          ReportCharts.chart(
              "R@1 and MAP@R along " + path + ", sweep " + sweepId + ", head " + head.get(),
              path,
              "% (mean ± std over seeds)");
      ToDoubleFunction<SettingRow> x = place(chart, rows, axis);
      Map<String, List<SettingRow>> byOtherAxes =
          rows.stream()
              .collect(
                  groupingBy(r -> otherAxes(table.axes(), r, path), LinkedHashMap::new, toList()));
      for (String metric : METRICS) {
        byOtherAxes.forEach((others, group) -> addSeries(chart, metric, others, group, x));
      }
      plots.add(new RunReport.Plot(fileName(path), chart));
    }
    return plots;
  }

  /**
   * Where each row lies along {@code axis}: its value when every value is a number, else the index
   * of its value among the axis's values in the rows' order, labelled with the value.
   */
  private static ToDoubleFunction<SettingRow> place(
      XYChart chart, List<SettingRow> rows, int axis) {
    Map<JsonElement, String> labels = new LinkedHashMap<>();
    rows.forEach(r -> labels.putIfAbsent(r.values().get(axis), r.valueText(axis)));
    List<JsonElement> values = List.copyOf(labels.keySet());
    if (values.stream().allMatch(v -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())) {
      return r -> r.values().get(axis).getAsDouble();
    }
    List<String> names = List.copyOf(labels.values());
    // With a formatting function, XChart puts the ticks at the x values: here the indices.
    chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> label(names, v));
    return r -> values.indexOf(r.values().get(axis));
  }

  private static String label(List<String> labels, double tick) {
    long index = Math.round(tick);
    boolean atIndex = Math.abs(tick - index) < 1e-9 && index >= 0 && index < labels.size();
    return atIndex ? labels.get((int) index) : "";
  }

  private static void addSeries(
      XYChart chart,
      String metric,
      String others,
      List<SettingRow> rows,
      ToDoubleFunction<SettingRow> x) {
    List<SettingRow> points =
        rows.stream()
            .filter(r -> r.metrics().containsKey(metric))
            .sorted(Comparator.comparingDouble(x))
            .toList();
    if (points.isEmpty()) {
      return;
    }
    double[] xs = points.stream().mapToDouble(x).toArray();
    double[] means =
        points.stream().mapToDouble(r -> 100 * r.metrics().get(metric).mean()).toArray();
    double[] stds =
        points.stream().mapToDouble(r -> 100 * r.metrics().get(metric).std().orElse(0)).toArray();
    String name = others.isEmpty() ? metric : metric + ", " + others;
    chart.addSeries(name, xs, means, stds).setMarker(SeriesMarkers.CIRCLE);
  }

  /** The row's values of every axis but {@code path}, as {@code loss.type=triplet, ...}. */
  private static String otherAxes(List<String> axes, SettingRow row, String path) {
    return IntStream.range(0, axes.size())
        .filter(i -> !axes.get(i).equals(path))
        .mapToObj(i -> axes.get(i) + "=" + row.valueText(i))
        .collect(Collectors.joining(", "));
  }

  /** The axis path as a file name: characters other than letters, digits, '.', '-' become '_'. */
  private static String fileName(String path) {
    return path.replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
