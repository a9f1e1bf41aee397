package org.rll.storage.s3;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rll.devstack.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts one {@link S3ProxyServer} in a temporary directory for a test class, with a client signed
 * by its credentials, and removes both after the class. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private Path dataDir;
  private S3ProxyServer server;
  private S3Client client;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dataDir = Files.createTempDirectory("s3proxy");
    server = S3ProxyServer.start(dataDir);
    client = S3Clients.create(settings(server, "unused").build(), credentials());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    client.close();
    server.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The running server. */
  public S3ProxyServer server() {
    return server;
  }

  /** A client of the server, with valid credentials. */
  public S3Client client() {
    return client;
  }

  /** Creates a bucket no other test of this JVM uses and returns its name. */
  public String newBucket() {
    String bucket = "bucket-" + BUCKETS.incrementAndGet();
    server.createBucket(bucket);
    return bucket;
  }

  /**
   * A store over a new bucket with the smallest part size, so that 5 MiB already goes multipart.
   */
  public S3BlobStore newStore(String keyPrefix) {
    return new S3BlobStore(client, settings(newBucket(), keyPrefix));
  }

  /** Settings for {@code bucket} on this server with the smallest part size. */
  public S3Settings settings(String bucket, String keyPrefix) {
    return settings(server, bucket)
        .optKeyPrefix(keyPrefix)
        .optPartSize(S3Settings.MIN_PART_SIZE)
        .build();
  }

  /** Settings for {@code bucket} on {@code server}: its endpoint, path-style addressing. */
  public static S3Settings.Builder settings(S3ProxyServer server, String bucket) {
    return S3Settings.builder().setBucket(bucket).optEndpoint(server.endpoint()).optPathStyle(true);
  }

  /** The credentials a server started by {@link S3ProxyServer#start} accepts. */
  public static AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
  }
}
