package org.rll.activities.training;

import org.rll.activities.ActivityEnvironment;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.TrainingActivities;

/** Placeholder for the training activity, replaced by the real implementation. */
public final class TrainingActivitiesImpl implements TrainingActivities {

  public TrainingActivitiesImpl(ActivityEnvironment environment) {}

  @Override
  public ChunkOutcome trainChunk(ChunkRequest request) {
    throw new UnsupportedOperationException("placeholder");
  }
}
