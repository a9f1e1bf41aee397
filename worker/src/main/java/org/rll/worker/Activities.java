package org.rll.worker;

import java.util.Objects;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.pipeline.PipelineActivitiesImpl;
import org.rll.activities.sweep.SweepActivitiesImpl;
import org.rll.activities.training.TrainingActivitiesImpl;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.TrainingActivities;
import org.rll.workflows.sweep.SweepActivities;

/**
 * The activity implementations a worker process registers: the CPU stages, the sweep's stage and
 * training.
 *
 * @param pipeline registered on {@code rll-cpu}
 * @param sweep registered on {@code rll-cpu}
 * @param training registered on {@code rll-gpu}
 */
public record Activities(
    PipelineActivities pipeline, SweepActivities sweep, TrainingActivities training) {

  public Activities {
    Objects.requireNonNull(pipeline, "pipeline activities must not be null");
    Objects.requireNonNull(sweep, "sweep activities must not be null");
    Objects.requireNonNull(training, "training activities must not be null");
  }

  /** The real stages, working in {@code environment}. */
  public static Activities working(ActivityEnvironment environment) {
    return new Activities(
        new PipelineActivitiesImpl(environment),
        new SweepActivitiesImpl(environment),
        new TrainingActivitiesImpl(environment));
  }
}
