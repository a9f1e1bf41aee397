package org.rll.workstation.dev;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rll.db.ResultsRepository;
import org.rll.storage.s3.S3BlobStore;
import org.rll.storage.s3.S3Clients;
import org.rll.storage.s3.S3Settings;
import org.rll.workstation.run.FakeActivities;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

class DevStackTest {

  /** The smallest workflow: proves the stack's Temporal server runs workflows. */
  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String echo(String text);
  }

  public static final class EchoImpl implements Echo {
    @Override
    public String echo(String text) {
      return text;
    }
  }

  @Test
  void everyPartAnswersOnItsPortAndStopsWithTheStack(@TempDir Path home) throws Exception {
    DevPorts ports = DevPorts.free();
    try (DevStack stack =
        DevStack.start(home, ports, env -> new FakeActivities(env, 1).activities())) {
      Map<String, String> env = stack.clientEnvironment();
      assertEquals("127.0.0.1:" + ports.temporal(), env.get("RLL_TEMPORAL_TARGET"));
      assertEquals("http://127.0.0.1:" + ports.s3(), env.get("RLL_S3_ENDPOINT"));
      assertEquals("rll", env.get("RLL_S3_BUCKET"));
      assertEquals(
          "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/postgres?user=postgres",
          env.get("RLL_DB_URL"));
      assertEquals(
          List.of(
              "polling rll-cpu: the RllPipeline and RllSweep workflows and the pipeline and sweep stages",
              "polling rll-gpu: training, one chunk at a time"),
          stack.workerDescription());

      assertEquals("hello", echo(stack.temporal().client()));

      S3Settings settings =
          S3Settings.builder()
              .setBucket(env.get("RLL_S3_BUCKET"))
              .optEndpoint(URI.create(env.get("RLL_S3_ENDPOINT")))
              .optPathStyle(true)
              .build();
      byte[] bytes = "some artifact".getBytes(StandardCharsets.UTF_8);
      try (S3Client client =
          S3Clients.create(
              settings,
              StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))) {
        S3BlobStore store = new S3BlobStore(client, settings);
        store.put("runs/x/blob", bytes);
        assertArrayEquals(bytes, store.readAllBytes("runs/x/blob"));
        byte[] checkpointSized = new byte[S3Settings.DEFAULT_PART_SIZE + 1];
        checkpointSized[checkpointSized.length - 1] = 7;
        store.put("runs/x/multipart", checkpointSized);
        assertArrayEquals(checkpointSized, store.readAllBytes("runs/x/multipart"));
      }
      assertTrue(Files.exists(home.resolve("s3/rll")), "bucket directory under <home>/s3");

      assertEquals(List.of(), new ResultsRepository(stack.dataSource()).runs(Optional.empty()));
      try (Connection connection = DriverManager.getConnection(env.get("RLL_DB_URL"));
          ResultSet migrations =
              connection
                  .createStatement()
                  .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
        migrations.next();
        assertTrue(migrations.getInt(1) > 0, "the results schema was migrated");
      }
      assertTrue(Files.isDirectory(home.resolve("pg")), "PostgreSQL data under <home>/pg");
    }
    for (int port : new int[] {ports.temporal(), ports.s3(), ports.postgres()}) {
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, free.getLocalPort());
      }
    }
  }

  private static String echo(WorkflowClient client) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker("dev-stack-test").registerWorkflowImplementationTypes(EchoImpl.class);
    factory.start();
    try {
      return client
          .newWorkflowStub(
              Echo.class, WorkflowOptions.newBuilder().setTaskQueue("dev-stack-test").build())
          .echo("hello");
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
