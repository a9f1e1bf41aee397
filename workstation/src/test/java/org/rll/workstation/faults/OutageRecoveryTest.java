package org.rll.workstation.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rll.activities.ActivityEnvironment;
import org.rll.activities.pipeline.PipelineActivitiesImpl;
import org.rll.activities.training.TrainingActivitiesImpl;
import org.rll.cli.options.ResultsConnection;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.idx.FashionMnist;
import org.rll.db.MetricRow;
import org.rll.db.ResultsRepository;
import org.rll.db.TrainingLogRow;
import org.rll.devstack.S3ProxyServer;
import org.rll.storage.s3.S3BlobStore;
import org.rll.storage.s3.S3Clients;
import org.rll.storage.s3.S3Settings;
import org.rll.workflows.RunStatus;
import org.rll.workflows.TaskQueues;
import org.rll.workflows.pipeline.PipelineResult;
import org.rll.workflows.pipeline.PipelineStubs;
import org.rll.workflows.pipeline.RllPipelineImpl;
import org.rll.workflows.spec.PipelineSpec;
import org.rll.workflows.spec.SpecCodec;
import org.rll.workflows.spec.SpecTree;
import org.rll.workflows.stages.ChunkOutcome;
import org.rll.workflows.stages.ChunkRequest;
import org.rll.workflows.stages.TrainingActivities;
import org.rll.workstation.dev.DevPorts;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Transient faults heal: S3Proxy is stopped for 20 s between two training chunks and PostgreSQL for
 * 20 s as training ends, while export, extraction and evaluation run. The run retries through both,
 * on real time, and ends as the same spec does without outages, every iteration logged once.
 */
class OutageRecoveryTest {
  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final int ITERATIONS = 8;
  private static final String BUCKET = "rll";

  @TempDir Path home;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRunRetriesThroughStorageAndDatabaseOutages() throws Exception {
    Path source = FashionMnist.copyBundledTestSet(home.resolve("fashion-mnist"));
    DevPorts ports = DevPorts.free();
    Path s3Dir = Files.createDirectories(home.resolve("s3"));
    ResultsConnection database = ResultsConnection.embedded(home.resolve("pg"), ports.postgres());
    try (Outage<ResultsConnection> postgres =
            new Outage<>(
                database,
                OUTAGE,
                () -> ResultsConnection.embedded(home.resolve("pg"), ports.postgres()));
        Outage<S3ProxyServer> s3 =
            new Outage<>(
                startS3(s3Dir, ports.s3()),
                OUTAGE,
                () -> S3ProxyServer.startUnauthenticated(s3Dir, ports.s3()))) {
      ResultsRepository results = new ResultsRepository(database.dataSource());
      S3Settings settings = s3Settings(ports.s3());
      try (S3Client client =
              S3Clients.create(
                  settings,
                  StaticCredentialsProvider.create(AwsBasicCredentials.create("dev", "dev")));
          TestWorkflowEnvironment temporal =
              TestWorkflowEnvironment.newInstance(
                  TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
        ActivityEnvironment env =
            new ActivityEnvironment(
                new S3BlobStore(client, settings),
                Sources.defaults(HttpSourceConfig.defaults()),
                results,
                home.resolve("scratch"),
                Clock.systemUTC());
        Worker cpu = temporal.newWorker(TaskQueues.CPU);
        cpu.registerWorkflowImplementationTypes(RllPipelineImpl.class);
        cpu.registerActivitiesImplementations(new PipelineActivitiesImpl(env));
        temporal
            .newWorker(TaskQueues.GPU)
            .registerActivitiesImplementations(
                new OutagesDuringTraining(new TrainingActivitiesImpl(env), s3, postgres));
        temporal.start();
        WorkflowClient workflows = temporal.getWorkflowClient();

        PipelineResult interrupted = run(workflows, "interrupted", source);
        PipelineResult straight = run(workflows, "straight", source);

        assertTrue(s3.begun() && postgres.begun());
        assertEquals(RunStatus.SUCCEEDED, interrupted.status());
        assertEquals(RunStatus.SUCCEEDED, results.run("interrupted").orElseThrow().status());
        assertEquals(
            LongStream.range(0, ITERATIONS).boxed().toList(),
            results.trainingLog("interrupted").stream().map(TrainingLogRow::iteration).toList());
        assertEquals(values(results.metrics("straight")), values(results.metrics("interrupted")));
        assertEquals(straight.evaluations(), interrupted.evaluations());
      }
    }
  }

  private static PipelineResult run(WorkflowClient client, String runId, Path source) {
    PipelineSpec spec =
        SpecTree.parse(
                """
                {"dataset": {"format": "fashion-mnist"},
                 "sampler": {"classesPerBatch": 5, "imagesPerClass": 4},
                 "model": {"backbone": "small-conv"},
                 "training": {"seed": 0, "checkpointEvery": 2, "chunkIterations": 4}}
                """)
            .set("runId", runId)
            .set("dataset.source", source.toUri().toString())
            .set("training.iterations", ITERATIONS)
            .toSpec();
    return PipelineStubs.newRun(client, runId).run(SpecCodec.encode(spec));
  }

  private static List<String> values(List<MetricRow> rows) {
    return rows.stream()
        .map(m -> m.head() + " " + m.metric() + "@" + m.k() + "=" + m.value())
        .sorted()
        .toList();
  }

  private static S3ProxyServer startS3(Path dir, int port) throws Exception {
    S3ProxyServer server = S3ProxyServer.startUnauthenticated(dir, port);
    server.createBucket(BUCKET);
    return server;
  }

  private static S3Settings s3Settings(int port) {
    return S3Settings.builder()
        .setBucket(BUCKET)
        .optEndpoint(URI.create("http://127.0.0.1:" + port))
        .optPathStyle(true)
        .build();
  }

  /**
   * The real training activities, with S3 taken down before the run's second chunk and PostgreSQL
   * once its last chunk has ended.
   */
  private record OutagesDuringTraining(
      TrainingActivities training, Outage<S3ProxyServer> s3, Outage<ResultsConnection> postgres)
      implements TrainingActivities {
    @Override
    public ChunkOutcome trainChunk(ChunkRequest request) {
      try {
        if (request.plan().runId().equals("interrupted") && request.targetIteration() > 4) {
          s3.begin();
        }
        ChunkOutcome outcome = training.trainChunk(request);
        if (request.plan().runId().equals("interrupted")
            && outcome.iterationsDone() == ITERATIONS) {
          postgres.begin();
        }
        return outcome;
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
