package org.rll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.rll.core.train.StepPhases.Phase;

class PhaseClockTest {

  /** Reads the clock as a step does: begin, batch ready, each phase, finish (8 readings). */
  private static void step(PhaseClock clock, boolean record) {
    clock.begin();
    clock.dataReady();
    for (Phase phase : Phase.values()) {
      clock.ended(phase);
    }
    clock.finish(record);
  }

  @Test
  void phasesAreAveragedOverRecordedStepsOnly() {
    // Reading r advances the time by 1 ms in the warm-up step, then by 2 ms and 4 ms in the two
    // recorded steps; the 7 laps after begin are what a step counts.
    PrimitiveIterator.OfLong readings =
        LongStream.range(0, 24).map(r -> 1_000_000L << (r / 8)).iterator();
    long[] now = {0};
    PhaseClock clock = new PhaseClock(2, () -> now[0] += readings.nextLong());
    step(clock, false);
    step(clock, true);
    step(clock, true);
    // The batch traffic is two laps: the copy in and the release at finish.
    assertEquals(6.0, clock.dataMillis(), 1e-12);
    assertEquals(3.0, clock.millis(Phase.FORWARD), 1e-12);
    assertEquals(3.0, clock.millis(Phase.OPTIMIZER), 1e-12);
    assertEquals(21.0, clock.medianStepMillis(), 1e-12);
  }

  @Test
  void theMedianOfAnOddCountIsTheMiddleStep() {
    long[] now = {0};
    long[] lap = {0};
    PhaseClock clock = new PhaseClock(3, () -> now[0] += lap[0]);
    for (long millis : new long[] {5, 1, 3}) {
      lap[0] = millis * 1_000_000;
      step(clock, true);
    }
    assertEquals(21.0, clock.medianStepMillis(), 1e-12);
  }
}
