package org.rll.workflows.sweep;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Set;

/** The sweep's own stage: checking and recording it before any run starts. */
@ActivityInterface
public interface SweepActivities {

  /**
   * Resolves every run of {@code sweep} as its plan would, so that any setting the runs would
   * refuse (an unknown loss type, a value out of range) fails the sweep at once, naming it; records
   * the sweep and its runs; returns the runs that succeeded before, which are not run again.
   */
  @ActivityMethod(name = "PrepareSweep")
  Set<String> prepare(String sweepId, SweepSpec sweep);
}
