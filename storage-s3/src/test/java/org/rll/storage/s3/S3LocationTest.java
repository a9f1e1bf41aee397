package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class S3LocationTest {

  @Test
  void parsesBucketAndKeyAndPrintsTheUriBack() {
    S3Location location = S3Location.parse(URI.create("s3://my.data-1/a/b%20c.tgz"));
    assertEquals("my.data-1", location.bucket());
    assertEquals("a/b c.tgz", location.key());
    assertEquals("s3://my.data-1/a/b c.tgz", location.toString());
  }

  @Test
  void acceptsBucketNamesAtTheLimits() {
    for (String bucket : List.of("abc", "a".repeat(63), "1-2.3", "a.b-c")) {
      assertEquals(bucket, S3Location.checkBucket(bucket));
    }
  }

  @Test
  void refusesBucketNamesOutsideTheRules() {
    for (String bucket :
        List.of(
            "ab",
            "a".repeat(64),
            "Upper",
            "under_score",
            "-start",
            "end-",
            "a..b",
            "192.168.1.1",
            "xn--abc",
            "sthree-abc",
            "name-s3alias",
            "name--ol-s3")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> S3Location.checkBucket(bucket), bucket);
      assertTrue(e.getMessage().contains("'" + bucket + "'"), e.getMessage());
    }
    assertThrows(ValidationException.class, () -> S3Location.checkBucket(null));
  }

  @Test
  void refusesAnEmptyKey() {
    assertThrows(ValidationException.class, () -> new S3Location("bucket", ""));
  }
}
