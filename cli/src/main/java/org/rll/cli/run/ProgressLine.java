package org.rll.cli.run;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.rll.workflows.pipeline.Progress;
import org.rll.workflows.pipeline.QueueWait;

/**
 * One line of a run's progress: stage, a bar with iteration/total, last loss, images/s, the retry
 * under way, if any, and a wait for a worker past {@link QueueWait#NOTICE_AFTER}.
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

  /** The line of {@code progress}, with {@code wait} when it is overdue at {@code now}. */
  static String format(Progress progress, Optional<QueueWait> wait, Instant now) {
    String line = format(progress);
    return wait.flatMap(w -> w.notice(now)).map(notice -> line + "  " + notice).orElse(line);
  }
}
