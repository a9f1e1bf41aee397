package org.rll.activities.pipeline;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.training.TrainingActivitiesImpl;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.dataset.idx.FashionMnist;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.db.ResultsRepository;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.pipeline.RllPipelineImpl;
import org.rll.workflows.spec.DatasetSection;
import org.rll.workflows.spec.EvaluationSection;
import org.rll.workflows.spec.ModelSection;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SamplerSection;
import org.rll.workflows.spec.TrainingSection;
import org.rll.workflows.stages.TrainingActivities;

/**
 * Temporal's test server with the pipeline workflow and the real activities over a filesystem blob
 * store and the results database, and a tiny run on the bundled Fashion-MNIST test set: the small
 * conv net, C = 5, K = 4, chunks of 4 iterations, a checkpoint every 2.
 */
public final class PipelineHarness implements AutoCloseable {
  final TestWorkflowEnvironment temporal;
  final WorkflowClient client;
  final FileSystemBlobStore store;
  final Path storeDir;
  final ActivityEnvironment env;

  /** Workers on both queues; {@code training} wraps the real training activities. */
  PipelineHarness(Path dir, ResultsRepository results, UnaryOperator<TrainingActivities> training) {
    storeDir = dir.resolve("store");
    store = new FileSystemBlobStore(storeDir);
    env =
        new ActivityEnvironment(
            store,
            Sources.defaults(HttpSourceConfig.defaults()),
            results,
            dir.resolve("scratch"),
            Clock.systemUTC());
    temporal = TestWorkflowEnvironment.newInstance();
    Worker cpu = temporal.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RllPipelineImpl.class);
    cpu.registerActivitiesImplementations(new PipelineActivitiesImpl(env));
    temporal
        .newWorker(TaskQueues.GPU)
        .registerActivitiesImplementations(training.apply(new TrainingActivitiesImpl(env)));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  PipelineHarness(Path dir, ResultsRepository results) {
    this(dir, results, UnaryOperator.identity());
  }

  /** The bundled Fashion-MNIST test set as a dataset directory named for its format. */
  public static Path fashionMnist(Path dir) throws IOException {
    return FashionMnist.copyBundledTestSet(dir.resolve("fashion-mnist"));
  }

  /** The tiny run of {@code iterations} on {@code source}, evaluated every {@code every}. */
  public static PipelineSpec tinySpec(String runId, Path source, int iterations, Integer every) {
    return tinySpec(runId, source, iterations, every, null);
  }

  /** The tiny run, with the untrained net scored too when {@code untrained}. */
  static PipelineSpec tinySpec(
      String runId, Path source, int iterations, Integer every, Boolean untrained) {
    return new PipelineSpec(
        runId,
        new DatasetSection(source.toUri().toString(), null, null, null, null),
        null,
        new SamplerSection(5, 4),
        new ModelSection("small-conv", null, null, null),
        new TrainingSection(iterations, null, null, null, null, null, null, 0L, 2, 4),
        new EvaluationSection(every, List.of(1, 2, 4, 8), null, untrained),
        null);
  }

  RllPipeline pipeline(String workflowId) {
    return PipelineStubs.newRun(client, workflowId);
  }

  /** The checkpointed parameters of {@code runId} at {@code iteration}, as stored. */
  byte[] parameters(String runId, long iteration) {
    return store.readAllBytes(checkpoints(runId).location(iteration) + "parameters.ndlist");
  }

  CheckpointStore checkpoints(String runId) {
    return new CheckpointStore(store, "runs/" + runId + "/");
  }

  /** When the blob {@code key} was last written. */
  FileTime written(String key) throws IOException {
    return Files.getLastModifiedTime(storeDir.resolve(key));
  }

  @Override
  public void close() {
    temporal.close();
  }
}
