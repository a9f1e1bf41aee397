package org.rll.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.rll.core.exceptions.BlobNotFoundException;
import org.rll.core.exceptions.ValidationException;

/** Behaviour every {@link BlobStore} must show; each implementation's test extends this. */
public abstract class BlobStoreContract {

  /** A fresh, empty store. */
  protected abstract BlobStore store();

  @Test
  void putReportsSizeAndSha256AndReadsBack() {
    BlobStore store = store();
    PutResult result = store.put("a/b.txt", "abc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(3, result.size());
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result.sha256());
    assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), store.readAllBytes("a/b.txt"));
    assertEquals(OptionalLong.of(3), store.size("a/b.txt"));
  }

  @Test
  void openFromOffsetSkipsThePrefix() throws IOException {
    BlobStore store = store();
    store.put("k", "0123456789".getBytes(StandardCharsets.US_ASCII));
    try (InputStream in = store.open("k", 7)) {
      assertEquals("789", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void putReplacesAndLargeBlobsRoundTrip() {
    BlobStore store = store();
    byte[] big = new byte[12 * 1024 * 1024 + 17];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + (i >>> 13));
    }
    store.put("big.bin", new byte[] {1});
    assertEquals(big.length, store.put("big.bin", big).size());
    assertArrayEquals(big, store.readAllBytes("big.bin"));
  }

  @Test
  void missingKeysAreReportedNotThrownByQueries() {
    BlobStore store = store();
    assertFalse(store.exists("nope"));
    assertEquals(OptionalLong.empty(), store.size("nope"));
    assertFalse(store.delete("nope"));
    BlobNotFoundException e = assertThrows(BlobNotFoundException.class, () -> store.open("nope"));
    assertEquals("nope", e.key());
  }

  @Test
  void listIsSortedAndFilteredByPrefix() {
    BlobStore store = store();
    for (String key : List.of("runs/r2/x", "runs/r1/b", "runs/r1/a", "datasets/d")) {
      store.put(key, new byte[] {7});
    }
    assertEquals(List.of("runs/r1/a", "runs/r1/b", "runs/r2/x"), store.list("runs/"));
    assertEquals(List.of("runs/r1/a", "runs/r1/b"), store.list("runs/r1"));
    assertEquals(4, store.list("").size());
  }

  @Test
  void copyAndDelete() {
    BlobStore store = store();
    store.put("from", new byte[] {1, 2, 3});
    store.copy("from", "to/here");
    assertTrue(store.delete("from"));
    assertFalse(store.exists("from"));
    assertArrayEquals(new byte[] {1, 2, 3}, store.readAllBytes("to/here"));
  }

  @Test
  void invalidKeysAreRefusedBeforeAnyWrite() {
    BlobStore store = store();
    for (String key : List.of("", "/abs", "a/../b", "a//b", "a/./b", "back\\slash", "tab\tkey")) {
      assertThrows(ValidationException.class, () -> store.put(key, new byte[] {1}), key);
    }
    assertEquals(List.of(), store.list(""));
  }
}
