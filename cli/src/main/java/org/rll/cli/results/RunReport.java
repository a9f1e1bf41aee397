package org.rll.cli.results;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rll.db.MetricRow;
import org.rll.db.TrainingLogRow;

/**
 * The plots of one run, and notes on the plots it could not draw:
 *
 * <ul>
 *   <li>{@code loss}: the loss against the iteration (non-finite losses are left out);
 *   <li>{@code mined-pairs}: the non-trivial positive and negative pairs mined per iteration;
 *   <li>{@code throughput}: images per second against the iteration;
 *   <li>{@code recall}: Recall@K in percent against the checkpoint iteration, one line per K, for
 *       the concatenated head {@code L,M,H}, or for the first of the other heads when {@code L,M,H}
 *       was not evaluated; drawn only when two or more checkpoints have Recall@K.
 * </ul>
 *
 * <p>A run without a training log has no training plots, never empty ones.
 *
 * @param plots the charts by name, in the order above
 */
record RunReport(List<Plot> plots, List<String> notes) {

  /** A chart and the name of its file, without extension. */
  record Plot(String name, XYChart chart) {}

  private static final String CONCATENATED_HEAD = "L,M,H";

  RunReport {
    plots = List.copyOf(plots);
    notes = List.copyOf(notes);
  }

  /** The report of run {@code runId} from its training log and metrics. */
  static RunReport of(String runId, List<TrainingLogRow> log, List<MetricRow> metrics) {
    List<Plot> plots = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (log.isEmpty()) {
      notes.add("run " + runId + " has no training log: no loss, mined-pairs or throughput plot");
    } else {
      training(runId, log, plots, notes);
    }
    recall(runId, metrics)
        .ifPresentOrElse(
            plots::add,
            () ->
                notes.add(
                    "run "
                        + runId
                        + " has Recall@K at fewer than two checkpoints: no recall plot"));
    return new RunReport(plots, notes);
  }

  private static void training(
      String runId, List<TrainingLogRow> log, List<Plot> plots, List<String> notes) {
    List<TrainingLogRow> finite = log.stream().filter(r -> Double.isFinite(r.loss())).toList();
    if (finite.size() < log.size()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "run %s: %d of %d logged iterations have a non-finite loss, left out of the loss plot",
              runId,
              log.size() - finite.size(),
              log.size()));
    }
    if (!finite.isEmpty()) {
      XYChart loss = ReportCharts.chart("Loss, run " + runId, "iteration", "loss");
      ReportCharts.addLine(loss, "loss", finite, TrainingLogRow::iteration, TrainingLogRow::loss);
      loss.getStyler().setLegendVisible(false);
      plots.add(new Plot("loss", loss));
    }
    XYChart mined =
        ReportCharts.chart("Non-trivial pairs mined, run " + runId, "iteration", "pairs per batch");
    ReportCharts.addLine(
        mined, "positives", log, TrainingLogRow::iteration, TrainingLogRow::minedPositives);
    ReportCharts.addLine(
        mined, "negatives", log, TrainingLogRow::iteration, TrainingLogRow::minedNegatives);
    plots.add(new Plot("mined-pairs", mined));
    XYChart throughput =
        ReportCharts.chart("Throughput, run " + runId, "iteration", "images per second");
    ReportCharts.addLine(
        throughput, "images/s", log, TrainingLogRow::iteration, TrainingLogRow::imagesPerSecond);
    throughput.getStyler().setLegendVisible(false);
    plots.add(new Plot("throughput", throughput));
  }

  private static Optional<Plot> recall(String runId, List<MetricRow> metrics) {
    List<MetricRow> recall =
        metrics.stream()
            .filter(m -> m.metric().equals(ResultsTable.RECALL))
            .sorted(Comparator.comparingLong(MetricRow::checkpointIteration))
            .toList();
    Optional<String> head =
        recall.stream()
            .map(MetricRow::head)
            .filter(CONCATENATED_HEAD::equals)
            .findFirst()
            .or(() -> recall.stream().map(MetricRow::head).min(ResultsTable.HEADS));
    if (head.isEmpty()) {
      return Optional.empty();
    }
    List<MetricRow> ofHead = recall.stream().filter(m -> m.head().equals(head.get())).toList();
    if (ofHead.stream().map(MetricRow::checkpointIteration).distinct().count() < 2) {
      return Optional.empty();
    }
    XYChart chart =
        ReportCharts.chart(
            "Recall@K of head " + head.get() + ", run " + runId,
            "checkpoint iteration",
            "Recall@K (%)");
    Map<Integer, List<MetricRow>> byK =
        ofHead.stream().collect(groupingBy(MetricRow::k, TreeMap::new, toList()));
    byK.forEach(
        (k, rows) ->
            ReportCharts.addLine(
                    chart, "R@" + k, rows, MetricRow::checkpointIteration, m -> 100 * m.value())
                .setMarker(SeriesMarkers.CIRCLE));
    return Optional.of(new Plot("recall", chart));
  }
}
