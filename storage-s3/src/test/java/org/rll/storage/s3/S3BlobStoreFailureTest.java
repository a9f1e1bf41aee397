package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.TransientStorageException;
import org.rll.devstack.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** How the S3 store fails: torn uploads, missing keys and buckets, bad credentials, no server. */
class S3BlobStoreFailureTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  @Test
  void aStreamFailingMidUploadLeavesNoObjectAndNoPendingUpload() {
    S3BlobStore store = S3.newStore("");
    String bucket = store.describe("x").split("/")[2];
    InputStream failing = new FailingStream(7 << 20);

    TransientStorageException e =
        assertThrows(TransientStorageException.class, () -> store.put("half.bin", failing));

    assertTrue(e.getMessage().contains("s3://" + bucket + "/half.bin"), e.getMessage());
    assertEquals(OptionalLong.empty(), store.size("half.bin"));
    assertEquals(List.of(), store.list(""));
    assertEquals(List.of(), S3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads());
  }

  @Test
  void aMissingKeyIsBlobNotFoundEverywhere() {
    S3BlobStore store = S3.newStore("p/");
    assertEquals(
        "gone", assertThrows(BlobNotFoundException.class, () -> store.open("gone", 5)).key());
    assertEquals(
        "gone", assertThrows(BlobNotFoundException.class, () -> store.copy("gone", "to")).key());
    assertFalse(store.exists("to"));
  }

  @Test
  void aMissingBucketIsAPermanentAccessFailureNotAMissingBlob() {
    S3BlobStore store = new S3BlobStore(S3.client(), S3.settings("no-such-bucket", ""));
    StorageAccessException e = assertThrows(StorageAccessException.class, () -> store.open("k", 0));
    assertTrue(e.getMessage().contains("s3://no-such-bucket/k"), e.getMessage());
    assertTrue(e.getMessage().contains("404 NoSuchBucket"), e.getMessage());
  }

  @Test
  void wrongCredentialsArePermanentAndNeverNamed() {
    String bucket = S3.newBucket();
    String wrongSecret = "wrong-secret-value-0123456789";
    var credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, wrongSecret));
    S3Settings settings = S3.settings(bucket, "");
    try (S3Client client = S3Clients.create(settings, credentials)) {
      S3BlobStore store = new S3BlobStore(client, settings);
      StorageAccessException e =
          assertThrows(StorageAccessException.class, () -> store.put("k", new byte[] {1}));
      assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
      assertTrue(e.getMessage().contains("s3://" + bucket + "/k"), e.getMessage());
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertFalse(trace.toString().contains(wrongSecret), trace.toString());
      assertFalse(trace.toString().contains(S3ProxyServer.SECRET_KEY), trace.toString());
    }
  }

  @Test
  void aStoppedServerIsTransient(@TempDir Path data) throws Exception {
    S3ProxyServer server = S3ProxyServer.start(data);
    server.createBucket("short-lived");
    S3Settings settings = S3ProxyExtension.settings(server, "short-lived").build();
    try (S3Client client = S3Clients.create(settings, S3ProxyExtension.credentials())) {
      S3BlobStore store = new S3BlobStore(client, settings);
      store.put("k", new byte[] {1});
      server.close();
      TransientStorageException e =
          assertThrows(TransientStorageException.class, () -> store.size("k"));
      assertTrue(e.getMessage().contains("s3://short-lived/k"), e.getMessage());
      assertThrows(TransientStorageException.class, () -> store.put("k2", new byte[] {2}));
    }
  }

  /** Yields {@code good} bytes, then fails as a dropped connection would. */
  private static final class FailingStream extends InputStream {
    private long left;

    FailingStream(long good) {
      this.left = good;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left == 0) {
        throw new IOException("connection reset");
      }
      int n = (int) Math.min(length, left);
      left -= n;
      return n;
    }
  }
}
