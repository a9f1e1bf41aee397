package org.rll.activities.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.pipeline.PipelineActivitiesImpl;
import org.rll.activities.pipeline.PipelineHarness;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.core.idx.FashionMnist;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.core.storage.ForwardingBlobStore;
import org.rll.core.storage.PutResult;
import org.rll.db.ResultsDatabaseTest;
import org.rll.db.TrainingLogRow;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.DatasetRef;
import org.rll.workflows.stages.PipelineActivities;
import org.rll.workflows.stages.RunPlan;
import org.rll.workflows.stages.TrainingActivities;

/** One training chunk activity: a retry after a dead worker, and a cancellation. */
class TrainChunkActivityTest extends ResultsDatabaseTest {
  private static final ActivityOptions ONCE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
          .build();

  @TempDir static Path sources;
  private static Path fashionMnist;
  @TempDir Path dir;
  private TestActivityEnvironment temporal;
  private CheckpointFault store;
  private PipelineActivities stages;
  private TrainingActivities training;
  private final List<ChunkHeartbeat.Progress> heartbeats = new CopyOnWriteArrayList<>();

  TrainChunkActivityTest(DataSource dataSource) {
    super(dataSource);
  }

  @BeforeAll
  static void copyDataset() throws IOException {
    fashionMnist = FashionMnist.copyBundledTestSet(sources.resolve("fashion-mnist"));
  }

  @BeforeEach
  void start() {
    store = new CheckpointFault(new FileSystemBlobStore(dir.resolve("store")));
    ActivityEnvironment env =
        new ActivityEnvironment(
            store,
            Sources.defaults(HttpSourceConfig.defaults()),
            repository,
            dir.resolve("scratch"),
            Clock.systemUTC());
    temporal = TestActivityEnvironment.newInstance();
    temporal.registerActivitiesImplementations(
        new PipelineActivitiesImpl(env), new TrainingActivitiesImpl(env));
    temporal.setActivityHeartbeatListener(ChunkHeartbeat.Progress.class, heartbeats::add);
    stages = temporal.newActivityStub(PipelineActivities.class, ONCE);
    training = temporal.newActivityStub(TrainingActivities.class, ONCE);
  }

  @AfterEach
  void stop() {
    temporal.close();
  }

  @Test
  void aChunkRetriedAfterItsWorkerDiedRepeatsAtMostOneCheckpointInterval() {
    ChunkRequest request = request("run-d", 8);
    store.failMetaOf = 6;
    assertThrows(ActivityFailure.class, () -> training.trainChunk(request));
    CheckpointStore checkpoints = new CheckpointStore(store, "runs/run-d/");
    assertEquals(4, checkpoints.newest().orElseThrow().iteration());

    heartbeats.clear();
    ChunkOutcome outcome = training.trainChunk(request);

    assertEquals(new ChunkHeartbeat.Progress(4, checkpoints.location(4)), heartbeats.get(0));
    assertEquals(8, outcome.iterationsDone());
    assertEquals(checkpoints.location(8), outcome.checkpointKey());
    assertFalse(outcome.stopped());
    assertEquals(
        LongStream.range(0, 8).boxed().toList(),
        repository.trainingLog("run-d").stream().map(TrainingLogRow::iteration).toList());
    ChunkOutcome again = training.trainChunk(request);
    assertEquals(8, again.iterationsDone());
    assertTrue(Double.isNaN(again.lastLoss()));
  }

  @Test
  void aCancelledChunkStopsAfterTheCurrentIterationWithACheckpoint() {
    ChunkRequest request = request("run-c", 8);
    temporal.requestCancelActivity();

    ChunkOutcome outcome = training.trainChunk(request);

    assertTrue(outcome.stopped());
    assertTrue(outcome.iterationsDone() >= 1 && outcome.iterationsDone() < 8, outcome.toString());
    assertEquals(
        outcome.iterationsDone(),
        new CheckpointStore(store, "runs/run-c/").newest().orElseThrow().iteration());
  }

  /** A planned run of 8 iterations with a checkpoint every 2, and its dataset and batches. */
  private ChunkRequest request(String runId, long target) {
    PipelineSpec spec = PipelineHarness.tinySpec(runId, fashionMnist, 8, null);
    RunPlan plan = stages.plan(runId, "wf-" + runId, spec);
    DatasetRef dataset = stages.prepareDataset(plan);
    return new ChunkRequest(plan, dataset, stages.buildBatchManifest(plan, dataset), target);
  }

  /** A store whose write of one checkpoint's {@code meta.json} fails once, as a dying worker's. */
  private static final class CheckpointFault extends ForwardingBlobStore {
    long failMetaOf = -1;

    CheckpointFault(BlobStore store) {
      super(store);
    }

    @Override
    public PutResult put(String key, InputStream data) {
      if (key.endsWith(String.format("%012d/meta.json", failMetaOf))) {
        failMetaOf = -1;
        throw new TransientStorageException("the worker died writing " + key, null);
      }
      return super.put(key, data);
    }
  }
}
