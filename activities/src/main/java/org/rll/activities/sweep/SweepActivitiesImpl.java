package org.rll.activities.sweep;

import java.util.Set;
import java.util.TreeSet;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.Failures;
import org.rll.activities.resolve.SpecResolver;
import org.rll.core.exceptions.ValidationException;
import org.rll.workflows.RunStatus;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.sweep.SweepActivities;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepRun;
import org.rll.workflows.sweep.SweepSpec;

/** The sweep's own stage over the results database: every run resolved before any starts. */
public final class SweepActivitiesImpl implements SweepActivities {
  private final ActivityEnvironment env;

  /** The stage over {@code env}. */
  public SweepActivitiesImpl(ActivityEnvironment env) {
    this.env = env;
  }

  @Override
  public Set<String> prepare(String sweepId, SweepSpec sweep) {
    return Failures.call(
        () -> {
          SweepPlan plan = plan(sweepId, sweep);
          Set<String> succeeded = new TreeSet<>();
          for (SweepRun run : plan.runs()) {
            resolve(run);
            env.results()
                .run(run.runId())
                .filter(row -> row.status() == RunStatus.SUCCEEDED)
                .ifPresent(row -> succeeded.add(row.runId()));
          }
          return succeeded;
        });
  }

  private static SweepPlan plan(String sweepId, SweepSpec sweep) {
    try {
      return SweepPlan.of(sweepId, sweep);
    } catch (InvalidSpecException e) {
      throw new ValidationException(e.getMessage());
    }
  }

  /** Resolves {@code run} as its plan stage will, naming its setting when it is refused. */
  private static void resolve(SweepRun run) {
    try {
      SpecResolver.resolve(run.spec());
    } catch (ValidationException e) {
      throw new ValidationException("setting " + run.setting().describe() + ": " + e.getMessage());
    }
  }
}
