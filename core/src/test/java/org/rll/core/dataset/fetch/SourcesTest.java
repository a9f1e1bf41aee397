package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.ValidationException;

class SourcesTest {
  private final Sources defaults = Sources.defaults(HttpSourceConfig.defaults());

  @Test
  void defaultsReadFileHttpAndHttpsInAnyCase() {
    assertInstanceOf(FileSource.class, defaults.forUri(URI.create("file:///tmp/a.tgz")));
    Source http = defaults.forUri(URI.create("http://h/a.tgz"));
    assertInstanceOf(HttpSource.class, http);
    assertSame(http, defaults.forUri(URI.create("HTTPS://h/a.tgz")));
  }

  @Test
  void withAddsASchemeAndLeavesTheOriginalAlone() {
    Source s3 = (uri, offset) -> null;
    Sources more = defaults.with("S3", s3);
    assertSame(s3, more.forUri(URI.create("s3://bucket/a.tgz")));
    ValidationException e =
        assertThrows(ValidationException.class, () -> defaults.forUri(URI.create("s3://b/a.tgz")));
    assertTrue(e.getMessage().contains("'s3://b/a.tgz'"), e.getMessage());
    assertTrue(e.getMessage().contains("[file, http, https]"), e.getMessage());
  }

  @Test
  void rejectsARelativeUriABadSchemeAndANullSource() {
    assertThrows(ValidationException.class, () -> defaults.forUri(URI.create("a.tgz")));
    assertThrows(ValidationException.class, () -> defaults.forUri(null));
    assertThrows(ValidationException.class, () -> defaults.with("s 3", (uri, offset) -> null));
    assertThrows(ValidationException.class, () -> defaults.with("s3", null));
  }
}
