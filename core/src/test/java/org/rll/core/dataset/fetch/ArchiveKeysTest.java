package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.ValidationException;
import org.rll.core.storage.Sha256Counter;

/** Archive and index keys, and the digests computed while spooling. */
class ArchiveKeysTest {
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void keysAreContentAddressedAndIndexedByUriAndPin() {
    URI uri = URI.create("s3://bucket/sets/CUB_200_2011.tgz?versionId=3");
    assertEquals(
        "datasets/" + SHA256_ABC + "/CUB_200_2011.tgz", ArchiveKeys.archive(SHA256_ABC, uri));
    assertEquals(SHA256_ABC, Sha256Counter.hex("abc"));
    Checksum pin = new Checksum(Algorithm.SHA256, SHA256_ABC);
    assertEquals(
        "datasets/by-source/" + Sha256Counter.hex(uri + "\nsha256:" + SHA256_ABC) + ".json",
        ArchiveKeys.index(uri, Optional.of(pin)));
    assertEquals(
        "datasets/by-source/" + Sha256Counter.hex(uri + "\n") + ".json",
        ArchiveKeys.index(uri, Optional.empty()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://h/", "http://h", "http://h/a/..", "file:///tmp/a%5Cb.tgz", "mailto:x"})
  void aUriWithoutAUsableFileNameIsRejected(String uri) {
    assertThrows(ValidationException.class, () -> ArchiveKeys.fileName(URI.create(uri)));
  }

  @Test
  void digestsCoverOnlyTheBytesSinceTheLastReset() {
    ArchiveDigests digests = new ArchiveDigests(Optional.of(Algorithm.MD5));
    digests.update(new byte[] {'x', 'y'}, 0, 2);
    digests.reset();
    digests.update(new byte[] {'-', 'a', 'b', 'c', '-'}, 1, 3);
    var hex = digests.finish();
    assertEquals(SHA256_ABC, hex.get(Algorithm.SHA256));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", hex.get(Algorithm.MD5));
    assertEquals(1, new ArchiveDigests(Optional.of(Algorithm.SHA256)).finish().size());
  }
}
