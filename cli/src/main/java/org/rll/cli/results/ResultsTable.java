package org.rll.cli.results;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.rll.db.MetricRow;
import org.rll.db.RunRow;

/**
 * The results of evaluated runs in the shape of the paper's Table 1: one row per run, checkpoint
 * and head, with a Recall@K column for every K that any row has, then NMI and MAP@R.
 *
 * <p>Rows follow the runs' order; within a run, checkpoints ascend and heads come as {@code L},
 * {@code M}, {@code H}, {@code L,M,H}, then any other head by name. Metrics other than {@code
 * recall}, {@code nmi} and {@code map_at_r} are not shown.
 *
 * @param recallKs the Ks of the Recall@K columns, ascending
 */
public record ResultsTable(List<Integer> recallKs, List<ResultsRow> rows) {

  static final String RECALL = "recall";
  static final String NMI = "nmi";
  static final String MAP_AT_R = "map_at_r";
  static final String RECALL_COLUMN = "R@";
  static final String NMI_COLUMN = "NMI";
  static final String MAP_AT_R_COLUMN = "MAP@R";
  private static final Set<String> SHOWN = Set.of(RECALL, NMI, MAP_AT_R);
  private static final List<String> HEAD_ORDER = List.of("L", "M", "H", "L,M,H");

  /** L, M, H, L,M,H, then other heads by name. */
  static final Comparator<String> HEADS =
      Comparator.<String>comparingInt(
              h -> HEAD_ORDER.contains(h) ? HEAD_ORDER.indexOf(h) : HEAD_ORDER.size())
          .thenComparing(Comparator.naturalOrder());

  public ResultsTable {
    recallKs = List.copyOf(recallKs);
    rows = List.copyOf(rows);
  }

  /**
   * The table of {@code runs} from their {@code metrics}: the latest evaluated checkpoint of each
   * run, or every evaluated checkpoint when {@code allCheckpoints}. Runs without metrics have no
   * rows.
   */
  public static ResultsTable of(
      List<RunRow> runs, List<MetricRow> metrics, boolean allCheckpoints) {
    Map<String, List<MetricRow>> byRun =
        metrics.stream()
            .filter(m -> SHOWN.contains(m.metric()))
            .collect(groupingBy(MetricRow::runId));
    List<ResultsRow> rows = new ArrayList<>();
    for (RunRow run : runs) {
      TreeMap<Long, List<MetricRow>> byIteration =
          byRun.getOrDefault(run.runId(), List.of()).stream()
              .collect(groupingBy(MetricRow::checkpointIteration, TreeMap::new, toList()));
      long earlierCheckpoints = allCheckpoints ? 0 : Math.max(0, byIteration.size() - 1);
      String loss = RunLoss.of(run);
      for (List<MetricRow> checkpoint :
          byIteration.values().stream().skip(earlierCheckpoints).toList()) {
        Map<String, List<MetricRow>> byHead =
            checkpoint.stream()
                .collect(groupingBy(MetricRow::head, () -> new TreeMap<>(HEADS), toList()));
        byHead.forEach((head, values) -> rows.add(row(run, loss, head, values)));
      }
    }
    List<Integer> ks =
        rows.stream().flatMap(r -> r.recall().keySet().stream()).distinct().sorted().toList();
    return new ResultsTable(ks, rows);
  }

  /** The column names: run, dataset, loss, head, iteration, then {@link #metricColumns()}. */
  public List<String> header() {
    List<String> names = new ArrayList<>(List.of("run", "dataset", "loss", "head", "iteration"));
    names.addAll(metricColumns());
    return names;
  }

  /** The metric column names: R@K for each K, NMI, MAP@R. */
  public List<String> metricColumns() {
    return metricColumns(recallKs);
  }

  /** The metric column names for Recall@K at {@code ks}: R@K for each K, NMI, MAP@R. */
  static List<String> metricColumns(List<Integer> ks) {
    List<String> names = new ArrayList<>();
    ks.forEach(k -> names.add(RECALL_COLUMN + k));
    names.addAll(List.of(NMI_COLUMN, MAP_AT_R_COLUMN));
    return names;
  }

  /**
   * The cells of {@code row} under {@link #header()}, each metric written by {@code number}, and
   * {@code missing} for a metric or dataset the row lacks.
   */
  public List<String> cells(ResultsRow row, DoubleFunction<String> number, String missing) {
    List<String> cells = new ArrayList<>();
    cells.add(row.runId());
    cells.add(row.dataset() == null ? missing : row.dataset());
    cells.add(row.loss());
    cells.add(row.head());
    cells.add(Long.toString(row.iteration()));
    Map<String, Double> values = row.metricsByColumn();
    for (String column : metricColumns()) {
      Double value = values.get(column);
      cells.add(value == null ? missing : number.apply(value));
    }
    return cells;
  }

  private static ResultsRow row(RunRow run, String loss, String head, List<MetricRow> metrics) {
    SortedMap<Integer, Double> recall = new TreeMap<>();
    OptionalDouble nmi = OptionalDouble.empty();
    OptionalDouble mapAtR = OptionalDouble.empty();
    for (MetricRow metric : metrics) {
      switch (metric.metric()) {
        case RECALL -> recall.put(metric.k(), metric.value());
        case NMI -> nmi = OptionalDouble.of(metric.value());
        case MAP_AT_R -> mapAtR = OptionalDouble.of(metric.value());
        default -> throw new IllegalArgumentException("not a shown metric: " + metric.metric());
      }
    }
    long iteration = metrics.get(0).checkpointIteration();
    return new ResultsRow(run.runId(), run.dataset(), loss, head, iteration, recall, nmi, mapAtR);
  }
}
