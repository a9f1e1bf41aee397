package org.rll.activities.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.Failures;
import org.rll.activities.resolve.SpecResolver;
import org.rll.core.exceptions.ValidationException;
import org.rll.db.SweepRow;
import org.rll.db.SweepRunRow;
import org.rll.workflows.RunStatus;
import org.rll.workflows.spec.InvalidSpecException;
import org.rll.workflows.sweep.SweepActivities;
import org.rll.workflows.sweep.SweepAxis;
import org.rll.workflows.sweep.SweepPlan;
import org.rll.workflows.sweep.SweepRun;
import org.rll.workflows.sweep.SweepSpec;

/**
 * The sweep's own stage over the results database: every run resolved before any starts, and the
 * sweep and its runs' settings recorded as rows.
 */
public final class SweepActivitiesImpl implements SweepActivities {
  private static final ObjectMapper JSON = new ObjectMapper();

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
          plan.runs().forEach(SweepActivitiesImpl::resolve);
          record(sweepId, sweep, plan);
          Set<String> succeeded = new TreeSet<>();
          for (SweepRun run : plan.runs()) {
            env.results()
                .run(run.runId())
                .filter(row -> row.status() == RunStatus.SUCCEEDED)
                .ifPresent(row -> succeeded.add(row.runId()));
          }
          return succeeded;
        });
  }

  /** The sweep, its axes in order and its runs' settings, as rows: written again on resume. */
  private void record(String sweepId, SweepSpec sweep, SweepPlan plan)
      throws JsonProcessingException {
    Instant now = env.clock().instant();
    env.results()
        .upsertSweep(
            new SweepRow(
                sweepId,
                JSON.writeValueAsString(sweep),
                sweep.axes().stream().map(SweepAxis::path).toList(),
                now,
                now));
    List<SweepRunRow> rows = new ArrayList<>(plan.runs().size());
    for (SweepRun run : plan.runs()) {
      rows.add(
          new SweepRunRow(
              sweepId,
              run.runId(),
              run.setting().hash(),
              JSON.writeValueAsString(run.setting().overrides()),
              run.seed()));
    }
    env.results().upsertSweepRuns(rows);
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
