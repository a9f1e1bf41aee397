package org.rll.activities.pipeline;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.sweep.SweepActivitiesImpl;
import org.rll.activities.training.TrainingActivitiesImpl;
import org.rll.core.checkpoint.CheckpointStore;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.idx.FashionMnist;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;
import org.rll.db.ResultsRepository;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.pipeline.RllPipeline;
import org.rll.workflows.pipeline.RllPipelineImpl;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.stages.TrainingActivities;
import org.rll.workflows.sweep.RllSweepImpl;

/**
 * Temporal's test server with the pipeline workflow and the real activities over a filesystem blob
 * store and the results database, and a tiny run on the bundled Fashion-MNIST test set: the small
 * conv net, C = 5, K = 4, chunks of 4 iterations, a checkpoint every 2.
 */
public final class PipelineHarness implements AutoCloseable {
  final TestWorkflowEnvironment temporal;
  final WorkflowClient client;
  final BlobStore store;
  final Path storeDir;
  final ActivityEnvironment env;

  /** Workers on both queues; {@code training} wraps the real training activities. */
  PipelineHarness(Path dir, ResultsRepository results, UnaryOperator<TrainingActivities> training) {
    this(
        fileSystemEnvironment(dir, results, Sources.defaults(HttpSourceConfig.defaults())),
        dir.resolve("store"),
        training,
        TestEnvironmentOptions.getDefaultInstance());
  }

  /**
   * Workers over {@code env} on a test server started with {@code options}; {@code storeDir} is the
   * directory of a filesystem store, or null.
   */
  PipelineHarness(
      ActivityEnvironment env,
      Path storeDir,
      UnaryOperator<TrainingActivities> training,
      TestEnvironmentOptions options) {
    this.env = env;
    this.store = env.store();
    this.storeDir = storeDir;
    temporal = TestWorkflowEnvironment.newInstance(options);
    Worker cpu = temporal.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(RllPipelineImpl.class, RllSweepImpl.class);
    cpu.registerActivitiesImplementations(
        new PipelineActivitiesImpl(env), new SweepActivitiesImpl(env));
    temporal
        .newWorker(TaskQueues.GPU)
        .registerActivitiesImplementations(training.apply(new TrainingActivitiesImpl(env)));
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  PipelineHarness(Path dir, ResultsRepository results) {
    this(dir, results, UnaryOperator.identity());
  }

  /**
   * Activities over a filesystem store under {@code dir}, fetching datasets from {@code sources}.
   */
  static ActivityEnvironment fileSystemEnvironment(
      Path dir, ResultsRepository results, Sources sources) {
    return new ActivityEnvironment(
        new FileSystemBlobStore(dir.resolve("store")),
        sources,
        results,
        dir.resolve("scratch"),
        Clock.systemUTC());
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
    return tinyTree(runId, source, iterations, every)
        .set("evaluation.untrained", untrained)
        .toSpec();
  }

  /** The tiny run's spec as a tree, for tests that set more. */
  static SpecTree tinyTree(String runId, Path source, int iterations, Integer every) {
    return SpecTree.parse(
            """
            {"sampler": {"classesPerBatch": 5, "imagesPerClass": 4},
             "model": {"backbone": "small-conv"},
             "training": {"seed": 0, "checkpointEvery": 2, "chunkIterations": 4},
             "evaluation": {"ks": [1, 2, 4, 8]}}
            """)
        .set("runId", runId)
        .set("dataset.source", source.toUri().toString())
        .set("training.iterations", iterations)
        .set("evaluation.every", every);
  }

  RllPipeline pipeline(String workflowId) {
    return PipelineStubs.newRun(client, workflowId);
  }

  /**
   * Starts the workflow {@code workflowId} through the service API with {@code input} as its raw
   * payloads, as the Temporal CLI or another SDK would.
   */
  void startRaw(String workflowId, Payloads input) {
    temporal
        .getWorkflowServiceStubs()
        .blockingStub()
        .startWorkflowExecution(
            StartWorkflowExecutionRequest.newBuilder()
                .setNamespace(temporal.getNamespace())
                .setWorkflowId(workflowId)
                .setRequestId(UUID.randomUUID().toString())
                .setWorkflowType(WorkflowType.newBuilder().setName("RllPipeline"))
                .setTaskQueue(TaskQueue.newBuilder().setName(TaskQueues.CPU))
                .setInput(input)
                .build());
  }

  /** {@code json} as the one {@code json/plain} payload of a workflow input. */
  static Payloads json(String json) {
    return Payloads.newBuilder()
        .addPayloads(
            Payload.newBuilder()
                .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8)))
        .build();
  }

  /** Runs {@code spec} as the workflow {@code workflowId} to its end. */
  PipelineResult run(String workflowId, PipelineSpec spec) {
    return pipeline(workflowId).run(SpecCodec.encode(spec));
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
