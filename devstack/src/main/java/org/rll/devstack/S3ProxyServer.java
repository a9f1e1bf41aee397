package org.rll.devstack;

import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 protocol server in this process: S3Proxy on 127.0.0.1, over its {@code filesystem-nio2}
 * store in a given directory. For tests, which start it on a free port requiring AWS v2 or v4
 * signatures with fixed credentials, and for the embedded dev stack, which starts it on a fixed
 * port accepting any signature (it listens on the loopback interface only).
 *
 * <p>S3Proxy 4 accepts what current AWS clients send at their defaults: {@code x-amz-checksum-mode}
 * on reads, checksum headers on writes, and {@code aws-chunked} bodies with CRC trailers, also on
 * multipart parts; it stores the checksums and returns them.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** The access key the server accepts. */
  public static final String ACCESS_KEY = "rll-test-access";

  /** The secret key the server accepts. */
  public static final String SECRET_KEY = "rll-test-secret-7f3a9c";

  private static final long START_TIMEOUT_MILLIS = 30_000;

  private final BlobStore store;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStore store, S3Proxy proxy) {
    this.store = store;
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * Starts a server on a free port that keeps its buckets under {@code dataDir} and accepts only
   * {@link #ACCESS_KEY} with {@link #SECRET_KEY}; returns once it listens.
   */
  public static S3ProxyServer start(Path dataDir) throws Exception {
    return start(dataDir, 0, AuthenticationType.AWS_V2_OR_V4);
  }

  /**
   * Starts a server on {@code port} of 127.0.0.1 that keeps its buckets under {@code dataDir} and
   * checks no signature, so that any credentials work; returns once it listens.
   */
  public static S3ProxyServer startUnauthenticated(Path dataDir, int port) throws Exception {
    return start(dataDir, port, AuthenticationType.NONE);
  }

  private static S3ProxyServer start(Path dataDir, int port, AuthenticationType authentication)
      throws Exception {
    BlobStore store = new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(authentication, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      store.close();
      throw e;
    }
    return new S3ProxyServer(store, proxy);
  }

  /** Where clients connect. */
  public URI endpoint() {
    return endpoint;
  }

  /** Creates {@code bucket} if it does not exist yet. */
  public void createBucket(String bucket) {
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
  }

  /** Stops the server; its data directory stays. */
  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      store.close();
    }
  }

  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: state " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }
}
