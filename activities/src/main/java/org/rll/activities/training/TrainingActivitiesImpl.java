package org.rll.activities.training;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.Failures;
import org.rll.activities.resolve.RunData;
import org.rll.activities.resolve.RunSettings;
import org.rll.activities.resolve.SpecResolver;
import org.rll.activities.results.TrainingRecorder;
import org.rll.core.checkpoint.CheckpointMeta;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.image.BatchLoader;
import org.rll.core.sampling.BatchManifest;
import org.rll.core.train.ChunkResult;
import org.rll.core.train.TrainingChunk;
import org.rll.core.train.TrainingListener;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.RunPlan;
import org.rll.workflows.stages.TrainingActivities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training chunks on the device this worker has (the GPU when DJL sees one). A chunk starts from
 * the run's newest complete checkpoint in the store, whatever the heartbeat of an earlier attempt
 * says, so a chunk retried after its worker died repeats at most one checkpoint interval.
 * Cancelled, it finishes the current iteration, checkpoints and returns {@code stopped}.
 */
public final class TrainingActivitiesImpl implements TrainingActivities {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingActivitiesImpl.class);

  private final ActivityEnvironment env;

  /** Chunks over {@code env}. */
  public TrainingActivitiesImpl(ActivityEnvironment env) {
    this.env = env;
  }

  @Override
  public ChunkOutcome trainChunk(ChunkRequest request) {
    return Failures.call(() -> train(request, Activity.getExecutionContext()));
  }

  private ChunkOutcome train(ChunkRequest request, ActivityExecutionContext context)
      throws IOException {
    RunPlan plan = request.plan();
    RunSettings settings = SpecResolver.resolve(plan.spec());
    long target = Math.min(request.targetIteration(), settings.iterations());
    CheckpointStore checkpoints = new CheckpointStore(env.store(), plan.runPrefix());
    Optional<CheckpointMeta> newest = checkpoints.newest();
    long first = newest.map(CheckpointMeta::iteration).orElse(0L);
    String newestKey = newest.map(meta -> checkpoints.location(meta.iteration())).orElse(null);
    ChunkHeartbeat heartbeat = new ChunkHeartbeat(context, checkpoints, newestKey);
    heartbeat.beat(first);
    RunData data = RunData.read(env.store(), request.dataset());
    if (first >= target && newest.isEmpty()) {
      return new ChunkOutcome(
          0, checkpointInitial(plan.runId(), settings, data, checkpoints), false, Double.NaN, 0);
    }
    if (first >= target) {
      return new ChunkOutcome(first, newestKey, false, Double.NaN, 0);
    }
    LOG.info("run {}: training iterations {} to {}", plan.runId(), first, target);
    BatchManifest batches = batches(request.batches().key());
    TrainingRecorder recorder =
        new TrainingRecorder(env.results(), plan.runId(), checkpoints, env.clock());
    try (RunModel run = RunModel.create(settings, data)) {
      if (newest.isPresent()) {
        run.restore(checkpoints, newest.get(), settings);
      } else {
        run.loadPretrained(settings, env.store(), env.scratch());
      }
      TrainingChunk chunk =
          new TrainingChunk(
              run.trainer(),
              checkpoints,
              settings.identity(),
              settings.checkpointEvery(),
              TrainingListener.all(heartbeat, recorder));
      try (BatchLoader loader =
          BatchLoader.builder()
              .setKeys(data.train().keys())
              .setSource(data.images())
              .setTransform(settings.trainTransform())
              .setSeed(settings.seed())
              .setBatches(batches::batch)
              .setIterations((int) first, (int) target)
              .build()) {
        ChunkResult result =
            chunk.run(loader, data.train().labels(), run.manager(), heartbeat::stopRequested);
        return new ChunkOutcome(
            result.iterationsDone(),
            checkpoints.location(result.iterationsDone()),
            result.stopped(),
            heartbeat.lastLoss(),
            heartbeat.meanImagesPerSecond());
      }
    }
  }

  /**
   * Checkpoints the net as initialised, for scoring the untrained net; training from this
   * checkpoint equals training from scratch, since resuming is exact.
   */
  private String checkpointInitial(
      String runId, RunSettings settings, RunData data, CheckpointStore checkpoints)
      throws IOException {
    try (RunModel run = RunModel.create(settings, data)) {
      run.loadPretrained(settings, env.store(), env.scratch());
      CheckpointMeta meta =
          checkpoints.save(
              0, run.trainer().parameters(), run.trainer().optimizer(), settings.identity());
      new TrainingRecorder(env.results(), runId, checkpoints, env.clock()).onCheckpoint(meta);
      return checkpoints.location(0);
    }
  }

  private BatchManifest batches(String key) throws IOException {
    if (!env.store().exists(key)) {
      throw new BlobNotFoundException(key, "the run's batch manifest " + key + " is gone");
    }
    return BatchManifest.read(new ByteArrayInputStream(env.store().readAllBytes(key)));
  }
}
