package org.rll.activities.storage;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.BlobStoreContract;
import software.amazon.awssdk.services.s3.S3Client;

/** The shared blob store contract against S3Proxy, with 5 MiB parts so big blobs go multipart. */
class S3BlobStoreTest extends BlobStoreContract {
  @TempDir static Path data;
  private static S3ProxyServer server;
  private static S3Client client;
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(data);
    client = S3Clients.create(server.settings("unused").build(), server.credentials());
  }

  @AfterAll
  static void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @Override
  protected BlobStore store() {
    String bucket = "contract-" + BUCKETS.incrementAndGet();
    server.createBucket(bucket);
    return new S3BlobStore(
        client, server.settings(bucket).optPartSize(S3Settings.MIN_PART_SIZE).build());
  }
}
