package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rll.core.dataset.DatasetSpec;
import org.rll.core.dataset.format.DatasetFormat;
import org.rll.core.exceptions.ValidationException;

class SourceUrisTest {

  @Test
  void credentialsAndSignaturesNeverShow() {
    assertEquals(
        "https://***@example.org:8443/data/CUB_200_2011.tgz?***",
        SourceUris.display(
            URI.create(
                "https://user:secret@example.org:8443/data/CUB_200_2011.tgz?X-Amz-Signature=abc")));
    assertEquals(
        "https://example.org/a.tgz?***",
        SourceUris.display(URI.create("https://example.org/a.tgz?token=t")));
  }

  @Test
  void plainUrisAreUnchanged() {
    assertEquals("s3://bucket/key.zip", SourceUris.display(URI.create("s3://bucket/key.zip")));
    assertEquals("file:/tmp/x.tgz", SourceUris.display(URI.create("file:/tmp/x.tgz")));
  }

  @Test
  void parseTakesAUriOrAPath() {
    assertEquals(
        URI.create("https://example.org/CUB_200_2011.tgz"),
        SourceUris.parse("https://example.org/CUB_200_2011.tgz"));
    assertEquals(
        Path.of("data/x.tgz").toAbsolutePath().normalize().toUri(),
        SourceUris.parse("data/../data/x.tgz"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://:8080/x.tgz | dataset source 'http://:8080/x.tgz' has no host name",
        "https:///x.tgz | dataset source 'https:///x.tgz' has no host name",
        "http://h_x/x.tgz | dataset source 'http://h_x/x.tgz' has no valid host name",
        "http://h:99999/x.tgz | dataset source 'http://h:99999/x.tgz' has the port 99999, outside"
            + " 1 to 65535",
        "http://me:secret@h_x/x.tgz | dataset source 'http://***@h_x/x.tgz' must not carry"
            + " credentials (user@ or user:password@); give the source's credentials to the worker"
            + " instead",
        "s3:///x.tgz | dataset source 's3:///x.tgz' names no bucket",
        "ftp://host/x.tgz | dataset source 'ftp://host/x.tgz' has the unsupported scheme 'ftp';"
            + " use https, http, s3 or file",
        "https://me:secret@host/x.tgz | dataset source 'https://***@host/x.tgz' must not carry"
            + " credentials (user@ or user:password@); give the source's credentials to the worker"
            + " instead",
        "http://a b/x.tgz | dataset source 'http://a b/x.tgz' is not a valid URI: Illegal"
            + " character in authority at index 7",
        "'  ' | dataset source is required: an https://, http://, s3:// or file:// URI or a path"
      })
  void badSourcesAreRefusedNamingTheProblem(String text, String message) {
    ValidationException e = assertThrows(ValidationException.class, () -> SourceUris.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void sourcesAndSpecsCheckTheUriToo() {
    URI noHost = URI.create("http://:8080/x.tgz");
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Sources.defaults(HttpSourceConfig.defaults()).forUri(noHost));
    assertEquals("dataset source 'http://:8080/x.tgz' has no host name", e.getMessage());
    assertThrows(
        ValidationException.class,
        () -> DatasetSpec.of(URI.create("https://u@host/x.tgz"), DatasetFormat.CUB200));
  }
}
