package org.rll.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.rll.core.train.StepPhases;

/**
 * Times the phases of repeated training steps: each {@link StepPhases.Phase}, and the batch's
 * traffic, which is its copy into the engine plus the release of the step's arrays at the end.
 * Steps finished with {@code record == false} (warm-up) are dropped.
 */
final class PhaseClock implements StepPhases {
  /** Slot of the batch traffic; the step's phases follow it by ordinal. */
  private static final int DATA = 0;

  private final LongSupplier nanoTime;
  private final long[] current = new long[Phase.values().length + 1];
  private final long[] totals = new long[current.length];
  private final long[] stepNanos;
  private int recorded;
  private long last;

  /** A clock for up to {@code steps} recorded steps. */
  PhaseClock(int steps) {
    this(steps, System::nanoTime);
  }

  /** A clock for up to {@code steps} recorded steps reading time from {@code nanoTime}. */
  PhaseClock(int steps, LongSupplier nanoTime) {
    this.stepNanos = new long[steps];
    this.nanoTime = nanoTime;
  }

  /** Starts a step, before its batch is copied. */
  void begin() {
    Arrays.fill(current, 0);
    last = nanoTime.getAsLong();
  }

  /** The batch is in the engine. */
  void dataReady() {
    lap(DATA);
  }

  @Override
  public void ended(Phase phase) {
    lap(phase.ordinal() + 1);
  }

  private void lap(int slot) {
    long now = nanoTime.getAsLong();
    current[slot] += now - last;
    last = now;
  }

  /** Ends the step once its arrays are released, keeping its times if {@code record}. */
  void finish(boolean record) {
    lap(DATA);
    if (!record) {
      return;
    }
    long step = 0;
    for (int slot = 0; slot < current.length; slot++) {
      totals[slot] += current[slot];
      step += current[slot];
    }
    stepNanos[recorded++] = step;
  }

  /** The median recorded step in milliseconds. */
  double medianStepMillis() {
    long[] sorted = Arrays.copyOf(stepNanos, recorded);
    Arrays.sort(sorted);
    return (sorted[(recorded - 1) / 2] + sorted[recorded / 2]) / 2e6;
  }

  /** Mean milliseconds of the batch traffic per recorded step. */
  double dataMillis() {
    return totals[DATA] / 1e6 / recorded;
  }

  /** Mean milliseconds of {@code phase} per recorded step. */
  double millis(Phase phase) {
    return totals[phase.ordinal() + 1] / 1e6 / recorded;
  }
}
