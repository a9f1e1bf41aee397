package org.rll.workstation.dev;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.rll.activities.ActivityEnvironment;
import org.rll.cli.options.ResultsConnection;
import org.rll.cli.options.RllHome;
import org.rll.cli.ui.UiServer;
import org.rll.cli.ui.api.UiBackends;
import org.rll.core.dataset.fetch.HttpSourceConfig;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.storage.BlobStore;
import org.rll.db.ResultsRepository;
import org.rll.devstack.LoopbackTemporalServer;
import org.rll.devstack.S3ProxyServer;
import org.rll.storage.s3.S3BlobStore;
import org.rll.storage.s3.S3Clients;
import org.rll.storage.s3.S3Settings;
import org.rll.storage.s3.S3Source;
import org.rll.worker.Activities;
import org.rll.worker.Queue;
import org.rll.worker.RunningWorkers;
import org.rll.worker.TemporalConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system in one process, with its data under one home directory: the Temporal Java test
 * server ({@link LoopbackTemporalServer}), an embedded PostgreSQL ({@code <home>/pg}), S3Proxy over
 * {@code <home>/s3} (bucket {@code rll}), a worker polling both task queues, workflows included,
 * and the dashboard ({@code rll ui}). Every server listens on 127.0.0.1 only. Temporal's state is
 * in memory only: a restarted stack has no workflows, while results and artifacts stay, so {@code
 * rll resume} continues a run the restart interrupted.
 */
public final class DevStack implements AutoCloseable {
  /** The bucket of every artifact. */
  public static final String BUCKET = "rll";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WORKER_GRACE = Duration.ofSeconds(30);

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private RllHome home;
  private String temporalTarget;
  private TemporalConnection temporal;
  private S3Settings s3Settings;
  private S3BlobStore store;
  private ResultsConnection database;
  private RunningWorkers workers;
  private UiServer dashboard;

  private DevStack() {}

  /** Starts the stack with the real activities. */
  public static DevStack start(Path home, DevPorts ports) {
    return start(home, ports, Activities::working);
  }

  /**
   * Starts the stack, its worker registering the activities {@code activities} makes from the
   * stack's environment.
   */
  public static DevStack start(
      Path home, DevPorts ports, Function<ActivityEnvironment, Activities> activities) {
    return start(home, ports, activities, EnumSet.allOf(Queue.class));
  }

  /**
   * Starts the stack, its worker polling only {@code queues} (the workflow always runs here), so
   * that other processes can serve the rest.
   */
  public static DevStack start(
      Path home,
      DevPorts ports,
      Function<ActivityEnvironment, Activities> activities,
      Set<Queue> queues) {
    DevStack stack = new DevStack();
    try {
      stack.home = new RllHome(home.toAbsolutePath().normalize());
      stack.startParts(ports, activities, queues);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startParts(
      DevPorts ports, Function<ActivityEnvironment, Activities> activities, Set<Queue> queues) {
    database = ResultsConnection.embedded(home.database(), ports.postgres());
    parts.push(database);
    s3Settings = startS3(home.s3(), ports.s3());
    S3Client s3 =
        S3Clients.create(
            s3Settings, StaticCredentialsProvider.create(AwsBasicCredentials.create("dev", "dev")));
    parts.push(s3);
    parts.push(LoopbackTemporalServer.start(ports.temporal()));
    temporalTarget = "127.0.0.1:" + ports.temporal();
    temporal = TemporalConnection.open(temporalTarget, "default", CONNECT_TIMEOUT);
    parts.push(temporal);
    store = new S3BlobStore(s3, s3Settings);
    ActivityEnvironment environment =
        new ActivityEnvironment(
            store,
            Sources.defaults(HttpSourceConfig.defaults()).with("s3", new S3Source(s3)),
            new ResultsRepository(database.dataSource()),
            home.scratch(),
            Clock.systemUTC());
    workers =
        RunningWorkers.start(
            temporal.client(),
            EnumSet.copyOf(queues),
            true,
            activities.apply(environment),
            WORKER_GRACE);
    parts.push(workers);
    dashboard =
        UiServer.start(
            new InetSocketAddress("127.0.0.1", ports.ui()),
            new UiBackends(database.dataSource(), temporal, store));
    parts.push(dashboard);
  }

  private S3Settings startS3(Path directory, int port) {
    try {
      Files.createDirectories(directory);
      S3ProxyServer server = S3ProxyServer.startUnauthenticated(directory, port);
      parts.push(server);
      server.createBucket(BUCKET);
      return S3Settings.builder()
          .setBucket(BUCKET)
          .optEndpoint(server.endpoint())
          .optPathStyle(true)
          .build();
    } catch (Exception e) {
      throw new StorageAccessException(
          "cannot start S3Proxy on 127.0.0.1:" + port + " over " + directory + ": " + e, e);
    }
  }

  /** The directory the stack keeps its data under. */
  public RllHome home() {
    return home;
  }

  /** The Temporal frontend, {@code 127.0.0.1:<port>}. */
  public String temporalTarget() {
    return temporalTarget;
  }

  /** The connection to the stack's Temporal server. */
  public TemporalConnection temporal() {
    return temporal;
  }

  /** The artifact bucket on S3Proxy; any credentials are accepted. */
  public S3Settings s3Settings() {
    return s3Settings;
  }

  /** The artifact store, the bucket on S3Proxy. */
  public BlobStore store() {
    return store;
  }

  /** The results database. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /** The results database's JDBC URL for other processes, user included (no password needed). */
  public String databaseUrl() {
    return database.localUrl().orElseThrow();
  }

  /** The dashboard's address, {@code http://127.0.0.1:<port>/}. */
  public URI dashboard() {
    return dashboard.address();
  }

  /** What the stack's worker polls, one line per queue. */
  public List<String> workerDescription() {
    return workers.description();
  }

  /**
   * The environment variables with which another {@code rll} process uses this stack. The AWS
   * variables hold placeholders: S3Proxy checks no signature here, but the SDK wants some.
   */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RLL_TEMPORAL_TARGET", temporalTarget);
    env.put("RLL_S3_ENDPOINT", s3Settings.endpoint().map(URI::toString).orElseThrow());
    env.put("RLL_S3_BUCKET", BUCKET);
    env.put("RLL_DB_URL", databaseUrl());
    env.put("AWS_ACCESS_KEY_ID", "dev");
    env.put("AWS_SECRET_ACCESS_KEY", "dev");
    return env;
  }

  /** Stops the worker (letting a running chunk checkpoint), then every server, newest first. */
  @Override
  public void close() {
    RuntimeException failure = null;
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("cannot stop the dev stack cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
