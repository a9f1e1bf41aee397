package org.rll.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * A real S3 protocol server in this process: S3Proxy on 127.0.0.1, over the jclouds filesystem
 * provider in a given directory. For tests, which start it on a free port requiring AWS v2 or v4
 * signatures with fixed credentials, and for the embedded dev stack, which starts it on a fixed
 * port accepting any signature (it listens on the loopback interface only).
 *
 * <p>The provider is named by its metadata object, not by id: a lookup by id instantiates every
 * registered provider, Azure's included, whose SDK is deliberately not on the class path.
 */
public final class S3ProxyServer implements AutoCloseable {
  /** The access key the server accepts. */
  public static final String ACCESS_KEY = "rll-test-access";

  /** The secret key the server accepts. */
  public static final String SECRET_KEY = "rll-test-secret-7f3a9c";

  private static final long START_TIMEOUT_MILLIS = 30_000;

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
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
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder(new FilesystemApiMetadata())
            .overrides(properties)
            .build(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(authentication, ACCESS_KEY, SECRET_KEY)
            .build();
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      context.close();
      throw e;
    }
    return new S3ProxyServer(context, proxy);
  }

  /** Where clients connect. */
  public URI endpoint() {
    return endpoint;
  }

  /** Creates {@code bucket} if it does not exist yet. */
  public void createBucket(String bucket) {
    context.getBlobStore().createContainerInLocation(null, bucket);
  }

  /** Stops the server; its data directory stays. */
  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
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
