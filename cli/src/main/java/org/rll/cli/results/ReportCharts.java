package org.rll.cli.results;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts of a run's report, drawn with XChart and encoded as PNG. */
final class ReportCharts {

  /** Size of every chart, in pixels. */
  static final int WIDTH = 900;

  static final int HEIGHT = 540;

  private ReportCharts() {}

  /** An empty chart with titles, the legend right of the plot and integer ticks on the x axis. */
  static XYChart chart(String title, String xTitle, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisTickMarkSpacingHint(200);
    chart.getStyler().setXAxisMaxLabelCount(6);
    return chart;
  }

  /** Adds one line without markers: {@code y} of each of {@code rows} against {@code x}. */
  static <T> XYSeries addLine(
      XYChart chart, String name, List<T> rows, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
    double[] xs = rows.stream().mapToDouble(x).toArray();
    double[] ys = rows.stream().mapToDouble(y).toArray();
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setMarker(SeriesMarkers.NONE);
    return series;
  }

  /** The chart as PNG bytes. */
  static byte[] png(XYChart chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "' as PNG", e);
    }
  }
}
