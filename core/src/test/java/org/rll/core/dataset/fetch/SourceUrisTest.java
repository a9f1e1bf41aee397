package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

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
}
