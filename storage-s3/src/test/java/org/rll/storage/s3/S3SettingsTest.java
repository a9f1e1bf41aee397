package org.rll.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class S3SettingsTest {

  @Test
  void defaultsNeedOnlyTheBucket() {
    S3Settings settings = S3Settings.builder().setBucket("rll-artifacts").build();
    assertEquals("rll-artifacts", settings.bucket());
    assertEquals(Optional.empty(), settings.endpoint());
    assertEquals("us-east-1", settings.region());
    assertFalse(settings.pathStyle());
    assertEquals("", settings.keyPrefix());
    assertEquals(16 << 20, settings.partSize());
    assertEquals(16 << 20, settings.multipartThreshold());
    assertEquals("runs/r1/meta.json", settings.objectKey("runs/r1/meta.json"));
  }

  @Test
  void everyOptionIsKept() {
    S3Settings settings =
        S3Settings.builder()
            .setBucket("b-1")
            .optEndpoint(URI.create("http://127.0.0.1:9000"))
            .optRegion("eu-west-3")
            .optPathStyle(true)
            .optKeyPrefix("team/rll/")
            .optPartSize(8 << 20)
            .optMultipartThreshold(1 << 20)
            .build();
    assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), settings.endpoint());
    assertEquals("eu-west-3", settings.region());
    assertTrue(settings.pathStyle());
    assertEquals(8 << 20, settings.partSize());
    assertEquals(1 << 20, settings.multipartThreshold());
    assertEquals("team/rll/k", settings.objectKey("k"));
  }

  @Test
  void badValuesAreRefusedNamingThem() {
    assertRefused(b -> b.setBucket("Bad_Bucket"), "Bad_Bucket");
    assertRefused(b -> b.optEndpoint(URI.create("ftp://host/")), "ftp://host/");
    assertRefused(b -> b.optEndpoint(URI.create("relative/path")), "relative/path");
    assertRefused(b -> b.optRegion("US East"), "US East");
    assertRefused(b -> b.optKeyPrefix("no-slash"), "no-slash");
    assertRefused(b -> b.optKeyPrefix("/abs/"), "/abs/");
    assertRefused(b -> b.optKeyPrefix("a/../"), "a/../");
    assertRefused(b -> b.optPartSize((5 << 20) - 1), "5242879");
    assertRefused(b -> b.optPartSize((1 << 30) + 1), "1073741825");
    assertRefused(b -> b.optMultipartThreshold(0), "got 0");
    assertRefused(b -> b.optPartSize(5 << 20).optMultipartThreshold((5 << 20) + 1), "5242881");
  }

  private static void assertRefused(UnaryOperator<S3Settings.Builder> change, String named) {
    S3Settings.Builder builder = change.apply(S3Settings.builder().setBucket("ok-bucket"));
    ValidationException e = assertThrows(ValidationException.class, builder::build, named);
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }
}
