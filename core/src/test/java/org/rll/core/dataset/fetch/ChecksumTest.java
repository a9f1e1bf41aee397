package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.ValidationException;

class ChecksumTest {
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";

  @Test
  void parsesBothAlgorithmsInAnyCaseAndWritesThemBack() {
    assertEquals(
        new Checksum(Algorithm.SHA256, SHA256_ABC), Checksum.parse("sha256:" + SHA256_ABC));
    Checksum md5 = Checksum.parse("MD5:" + MD5_ABC.toUpperCase());
    assertEquals(new Checksum(Algorithm.MD5, MD5_ABC), md5);
    assertEquals("md5:" + MD5_ABC, md5.toString());
  }

  @Test
  void algorithmsDigestTheKnownVectors() {
    byte[] abc = {'a', 'b', 'c'};
    assertEquals(SHA256_ABC, FetchFixtures.hex(Algorithm.SHA256, abc));
    assertEquals(MD5_ABC, FetchFixtures.hex(Algorithm.MD5, abc));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ba7816bf",
        ":ba7816bf",
        "sha1:a9993e364706816aba3e25717850c26c9cd0d89d",
        "sha256:" + MD5_ABC,
        "md5:" + SHA256_ABC,
        "md5:900150983cd24fb0d6963f7d28e17g72",
        "sha256: " + SHA256_ABC
      })
  void rejectsAMalformedChecksumNamingIt(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> Checksum.parse(text));
    String named = text.substring(text.indexOf(':') + 1);
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void rejectsNullAndUpperCaseInTheConstructor() {
    assertThrows(ValidationException.class, () -> Checksum.parse(null));
    assertThrows(ValidationException.class, () -> new Checksum(null, MD5_ABC));
    assertThrows(
        ValidationException.class, () -> new Checksum(Algorithm.MD5, MD5_ABC.toUpperCase()));
  }
}
