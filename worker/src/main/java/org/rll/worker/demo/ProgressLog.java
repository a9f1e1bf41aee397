package org.rll.worker.demo;

import java.io.PrintStream;
import java.util.Locale;
import org.rll.core.loss.MinedCounts;
import org.rll.core.train.StepLog;
import org.rll.core.train.TrainingListener;

/**
 * Prints one line every {@code every} iterations and after the last: the loss and the mined
 * non-trivial pairs of that iteration, the learning rate, and the images per second since the
 * previous line (data wait included).
 */
final class ProgressLog implements TrainingListener {
  private final PrintStream out;
  private final int every;
  private final int iterations;
  private final int batchSize;
  private double secondsSinceLine;
  private int stepsSinceLine;

  ProgressLog(PrintStream out, int every, int iterations, int batchSize) {
    this.out = out;
    this.every = every;
    this.iterations = iterations;
    this.batchSize = batchSize;
  }

  @Override
  public void onStep(StepLog log, double imagesPerSecond) {
    secondsSinceLine += batchSize / imagesPerSecond;
    stepsSinceLine++;
    long done = log.iteration() + 1;
    if (done % every != 0 && done != iterations) {
      return;
    }
    MinedCounts mined = log.mined().get(0);
    out.printf(
        Locale.ROOT,
        "iteration %5d/%d  loss %.4f  mined +%d -%d  lr %.3g  %.0f images/s%n",
        done,
        iterations,
        log.loss(),
        mined.positives(),
        mined.negatives(),
        log.learningRate(),
        stepsSinceLine * batchSize / secondsSinceLine);
    secondsSinceLine = 0;
    stepsSinceLine = 0;
  }
}
