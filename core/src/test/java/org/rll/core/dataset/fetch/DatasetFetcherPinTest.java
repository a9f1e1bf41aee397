package org.rll.core.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rll.core.dataset.fetch.ScriptedHttpServer.full;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rll.core.dataset.fetch.Checksum.Algorithm;
import org.rll.core.exceptions.CorruptDataException;
import org.rll.core.storage.BlobStore;
import org.rll.core.storage.FileSystemBlobStore;

/** Checksum pins: a match stores the archive, a mismatch stores nothing and drops the spool. */
class DatasetFetcherPinTest {
  private static final byte[] ARCHIVE = FetchFixtures.archive();

  @TempDir Path storeRoot;
  @TempDir Path spool;

  private FetchResult fetch(URI uri, Checksum pin, BlobStore store) {
    return new DatasetFetcher(
            Sources.defaults(HttpSourceConfig.defaults()), spool, FetchFixtures.QUICK_RETRY)
        .fetch(uri, Optional.of(pin), store);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aMatchingPinStoresTheArchive(Algorithm algorithm) throws IOException {
    BlobStore store = new FileSystemBlobStore(storeRoot);
    Checksum pin = new Checksum(algorithm, FetchFixtures.hex(algorithm, ARCHIVE));
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, full())) {
      FetchResult result = fetch(server.uri("/cub.tgz"), pin, store);
      assertEquals(FetchFixtures.hex(Algorithm.SHA256, ARCHIVE), result.sha256());
      assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
    }
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aMismatchLeavesNothingBehind(Algorithm algorithm) throws IOException {
    BlobStore store = new FileSystemBlobStore(storeRoot);
    String wrong = "0".repeat(algorithm.hexLength());
    String actual = FetchFixtures.hex(algorithm, ARCHIVE);
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, full())) {
      URI uri = server.uri("/cub.tgz");
      CorruptDataException e =
          assertThrows(
              CorruptDataException.class, () -> fetch(uri, new Checksum(algorithm, wrong), store));
      assertTrue(e.getMessage().contains(wrong), e.getMessage());
      assertTrue(e.getMessage().contains(actual), e.getMessage());
      assertTrue(e.getMessage().contains(uri.toString()), e.getMessage());
    }
    assertEquals(List.of(), store.list(""));
    try (var left = Files.list(spool)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aFetchAfterAMismatchDownloadsAfresh() throws IOException {
    BlobStore store = new FileSystemBlobStore(storeRoot);
    Checksum good = new Checksum(Algorithm.MD5, FetchFixtures.hex(Algorithm.MD5, ARCHIVE));
    Checksum bad = new Checksum(Algorithm.MD5, "f".repeat(32));
    try (ScriptedHttpServer server = ScriptedHttpServer.start(ARCHIVE, full())) {
      URI uri = server.uri("/cub.tgz");
      assertThrows(CorruptDataException.class, () -> fetch(uri, bad, store));
      FetchResult result = fetch(uri, good, store);
      assertArrayEquals(ARCHIVE, store.readAllBytes(result.key()));
      assertEquals(List.of("", ""), server.ranges());
    }
  }
}
