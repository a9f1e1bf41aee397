package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rll.core.dataset.fetch.DatasetFetcher;
import org.rll.core.dataset.fetch.RetryPolicy;
import org.rll.core.dataset.fetch.SourceStream;
import org.rll.core.dataset.fetch.Sources;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.StorageAccessException;
import org.rll.core.exceptions.ValidationException;
import org.rll.devstack.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Reading {@code s3://bucket/key} dataset URIs from S3Proxy. */
class S3SourceTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();
  private static String bucket;

  @BeforeAll
  static void putDigits() {
    bucket = S3.newBucket();
    S3.client()
        .putObject(
            b -> b.bucket(bucket).key("sets/digits.txt"), RequestBody.fromString("0123456789"));
  }

  private static URI digits() {
    return URI.create("s3://" + bucket + "/sets/digits.txt");
  }

  private static String read(SourceStream stream) throws Exception {
    try (stream) {
      return new String(stream.body().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 0123456789", "7, 789", "10, ''"})
  void readsFromAnOffsetWithTheWholeLength(long offset, String expected) throws Exception {
    SourceStream stream = new S3Source(S3.client()).open(digits(), offset);
    assertEquals(offset, stream.offset());
    assertEquals(OptionalLong.of(10), stream.totalLength());
    assertEquals(expected, read(stream));
  }

  @Test
  void aMissingKeyIsBlobNotFoundNamingTheUri() {
    URI missing = URI.create("s3://" + bucket + "/sets/missing.tgz");
    BlobNotFoundException e =
        assertThrows(BlobNotFoundException.class, () -> new S3Source(S3.client()).open(missing, 0));
    assertEquals(missing.toString(), e.key());
  }

  @Test
  void badUrisAreRefusedNamingTheUri() {
    S3Source source = new S3Source(S3.client());
    for (String uri :
        List.of(
            "https://" + bucket + "/k",
            "s3://" + bucket,
            "s3://" + bucket + "/",
            "s3://Bad_Bucket/k",
            "s3://" + bucket + "/k?versionId=1",
            "s3:///k")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> source.open(URI.create(uri), 0), uri);
      assertTrue(e.getMessage().contains(uri), e.getMessage());
    }
  }

  @Test
  void aMissingBucketIsPermanentAndSaysSo() {
    StorageAccessException e =
        assertThrows(
            StorageAccessException.class,
            () -> new S3Source(S3.client()).open(URI.create("s3://no-such-bucket/data.tgz"), 0));
    assertEquals(
        "cannot read s3://no-such-bucket/data.tgz: HTTP 404 NoSuchBucket (the bucket does not"
            + " exist)",
        e.getMessage());
  }

  @Test
  void refusedCredentialsArePermanentAndSaySo() {
    AwsCredentialsProvider wrongSecret =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, "not-the-secret"));
    try (S3Client client =
        S3Clients.create(S3ProxyExtension.settings(S3.server(), bucket).build(), wrongSecret)) {
      StorageAccessException e =
          assertThrows(StorageAccessException.class, () -> new S3Source(client).open(digits(), 0));
      assertEquals(
          "cannot read "
              + digits()
              + ": HTTP 403 SignatureDoesNotMatch (the secret key does not match the access key)",
          e.getMessage());
    }
  }

  @Test
  void aKeyThatIsAPrefixOfObjectsIsNamedAsSuch() {
    String prefixed = S3.newBucket();
    for (int i = 0; i < 12; i++) {
      S3.client()
          .putObject(
              b -> b.bucket(prefixed).key("datasets/" + UUID.randomUUID() + ".jpg"),
              RequestBody.fromString("x"));
    }
    BlobNotFoundException e =
        assertThrows(
            BlobNotFoundException.class,
            () -> new S3Source(S3.client()).open(URI.create("s3://" + prefixed + "/datasets"), 0));
    assertEquals(
        "s3://"
            + prefixed
            + "/datasets/ is a prefix of 12 objects, not an object; point the source"
            + " at an archive",
        e.getMessage());
  }

  @Test
  void aFetchFromAMissingBucketFailsAtOnceWithoutRetrying(@TempDir Path spool) {
    AtomicInteger opens = new AtomicInteger();
    S3Source s3 = new S3Source(S3.client());
    Sources sources =
        Sources.empty()
            .with(
                "s3",
                (uri, offset) -> {
                  opens.incrementAndGet();
                  return s3.open(uri, offset);
                });
    DatasetFetcher fetcher =
        new DatasetFetcher(
            sources, spool, new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(1)));
    S3BlobStore store = S3.newStore("");
    assertThrows(
        StorageAccessException.class,
        () -> fetcher.fetch(URI.create("s3://no-such-bucket/data.tgz"), Optional.empty(), store));
    assertEquals(1, opens.get());
    assertEquals(List.of(), store.list(""));
  }
}
