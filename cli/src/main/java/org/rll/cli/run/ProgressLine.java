package org.rll.cli.run;

import java.util.Locale;
import org.rll.workflows.pipeline.Progress;

/**
 * One line of a run's progress: stage, a bar with iteration/total, last loss, images/s, and the
 * retry under way, if any.
 */
final class ProgressLine {
  private static final int BAR_WIDTH = 20;

  private ProgressLine() {}

  static String format(Progress progress) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", progress.stage()));
    if (progress.totalIterations() > 0) {
      int filled = (int) (BAR_WIDTH * progress.iteration() / progress.totalIterations());
      line.append(" [")
          .append("#".repeat(filled))
          .append(".".repeat(BAR_WIDTH - filled))
          .append(
              String.format(
                  Locale.ROOT, "] %d/%d", progress.iteration(), progress.totalIterations()));
    }
    if (progress.lastLoss() != null) {
      line.append(String.format(Locale.ROOT, "  loss %.4f", progress.lastLoss()));
    }
    if (progress.imagesPerSecond() != null) {
      line.append(String.format(Locale.ROOT, "  %.0f images/s", progress.imagesPerSecond()));
    }
    if (progress.retrying() != null) {
      line.append("  ").append(progress.retrying());
    }
    return line.toString().stripTrailing();
  }
}
