package org.rll.activities.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rll.core.dataset.fetch.SourceStream;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ValidationException;
import software.amazon.awssdk.core.sync.RequestBody;

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
}
